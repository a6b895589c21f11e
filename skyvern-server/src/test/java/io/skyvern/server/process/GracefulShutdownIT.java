package io.skyvern.server.process;

import io.skyvern.testing.FixtureSite;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.ScriptedReply;
import io.skyvern.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM on a real server process: it stops accepting connections, finishes the HTTP request in
 * flight, lets a run that can finish within SKYVERN_SHUTDOWN_GRACE_SECONDS finish, hands the run
 * that cannot back to the queue (queued, no owner, no lease) and exits with status 0; the next
 * node completes the handed-back run. H2 (the embedded default in the data dir) and PostgreSQL.
 */
class GracefulShutdownIT {
    private static final String API_KEY = "sk-graceful-shutdown-0123456789ab";
    private static final Duration START = Duration.ofSeconds(120);  // generous: CI machines can be slow
    private static final String QUICK_GOAL = "QUICK-RUN: look at the products";
    private static final String SLOW_GOAL = "SLOW-RUN: look at the products";

    private FixtureSite site;
    private ScriptedLlmServer llm;
    private Path dataDir;
    private String databaseUrl;  // null: the embedded H2 default in the data dir

    @BeforeEach
    void start() throws Exception {
        site = FixtureSite.start();
        llm = ScriptedLlmServer.start();
        dataDir = Files.createTempDirectory("skyvern-graceful");
        databaseUrl = TestDatabases.isPostgres() ? TestDatabases.freshPostgres().url() : null;
    }

    @AfterEach
    void stop() {
        llm.close();
        site.close();
    }

    @Test
    void sigterm_refuses_new_connections_and_finishes_the_request_in_flight() throws Exception {
        ServerProcess server = node("graceful-http", 0, 30).start(START);
        int port = server.port();
        byte[] body = ("{\"url\":\"" + site.url("/products") + "\",\"navigation_goal\":\"Uploaded slowly: "
                + "x".repeat(1500) + "\"}").getBytes(StandardCharsets.UTF_8);
        String taskId;
        try (server; RawConnection upload = RawConnection.open(port); RawConnection idle = RawConnection.open(port)) {
            idle.write(get("/health"));
            assertThat(idle.readResponse()).map(RawConnection.Response::status).contains(200);
            upload.write("POST /api/v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: " + API_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n");
            upload.write(body, 0, 100);
            // Jetty hands a request to the application once its head is in; the handler now waits
            // for the rest of the body. (A pause, not an assertion: were it too short, the request
            // would be refused with 503 and the test would fail, not pass; the shutdown log below
            // confirms the request was in flight.)
            Thread.sleep(1_500);

            long signalled = System.nanoTime();
            server.terminate();
            long refusedAfter = RawConnection.awaitRefused(port, Duration.ofSeconds(20));
            assertThat(refusedAfter).as("new connections refused after SIGTERM (ms)").isNotNegative();
            Optional<RawConnection.Response> onOpenConnection = requestOnOpenConnection(idle);

            for (int from = 100; from < body.length; from += 100) {  // ~1.5 s more of upload
                Thread.sleep(100);
                upload.write(body, from, Math.min(body.length, from + 100));
            }
            Optional<RawConnection.Response> created = upload.readResponse();
            long answeredAfter = (System.nanoTime() - signalled) / 1_000_000;
            int exit = server.waitForExit(Duration.ofSeconds(40));
            long exitedAfter = (System.nanoTime() - signalled) / 1_000_000;

            assertThat(created).as("the upload in flight at SIGTERM").isPresent();
            assertThat(created.get().status()).as(created.get().body()).isEqualTo(201);
            taskId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.get().body())
                    .at("/data/task_id").asText();
            assertThat(onOpenConnection).as("a new request on a connection opened before SIGTERM")
                    .map(RawConnection.Response::status).contains(503);
            assertThat(exit).as("exit status after SIGTERM").isZero();
            assertThat(server.logText()).containsSubsequence(
                    "shutdown: stopping gracefully, grace period 30.0 s",
                    "shutdown: refusing new connections; 1 HTTP request(s) in flight",
                    "shutdown: HTTP server stopped after", "every request answered",
                    "shutdown: complete after");
            System.out.printf("GracefulShutdownIT/http: connections refused %d ms after SIGTERM; the request in "
                            + "flight answered 201 after %d ms; a request on an open connection got %s; exit %d "
                            + "after %d ms%n", refusedAfter, answeredAfter,
                    onOpenConnection.map(r -> String.valueOf(r.status())).orElse("no answer"), exit, exitedAfter);
        }
        try (ServerProcess again = node("graceful-http-again", 0, 30).start(START)) {
            assertThat(new ProcessApi(again, API_KEY).taskStatus(taskId)).isEqualTo("queued");
        }
    }

    @Test
    void a_run_that_fits_the_grace_period_completes_and_one_that_does_not_goes_back_to_the_queue()
            throws Exception {
        AtomicBoolean slowModel = new AtomicBoolean(true);
        ScriptedReply complete = ScriptedReply.json(Map.of("actions", List.of(Map.of("action_type", "complete"))));
        // The quick run's model answers 1.5 s after both runs asked, so both are in flight at SIGTERM
        // and the quick one can still finish within the grace period; the slow one's never does.
        llm.whenExhausted(r -> r.promptText().contains("QUICK-RUN") ? ScriptedReply.delayed(1_500, awaitBothAsked(complete))
                : slowModel.get() ? ScriptedReply.delayed(60_000, complete) : complete);
        int grace = 6;
        String quick;
        String slow;
        Instant signalledAt;
        long exitedAfter;
        try (ServerProcess server = node("graceful-runs", 2, grace).start(START)) {
            ProcessApi api = new ProcessApi(server, API_KEY);
            quick = created(api.createTask(site.url("/products"), QUICK_GOAL));
            slow = created(api.createTask(site.url("/products"), SLOW_GOAL));
            assertThat(llm.awaitRequests(2, Duration.ofSeconds(60))).as("both runs asked the model").isTrue();

            signalledAt = Instant.now();
            long signalled = System.nanoTime();
            server.terminate();
            int exit = server.waitForExit(Duration.ofSeconds(40));
            exitedAfter = (System.nanoTime() - signalled) / 1_000_000;

            assertThat(exit).as("exit status after SIGTERM").isZero();
            assertThat(server.logText()).containsSubsequence(
                    "shutdown: stopping gracefully, grace period " + grace + ".0 s (SKYVERN_SHUTDOWN_GRACE_SECONDS); "
                            + "2 run(s) in flight",
                    "shutdown: no longer claiming runs",
                    "run(s) in flight, waiting up to",
                    "shutdown: grace period over; re-queued 1 unfinished run(s) [" + slow + "]",
                    "shutdown: complete after");
            assertThat(server.logText()).as("the hand-back is not an error").doesNotContain(" ERROR ");
            assertThat(server.logText()).as("the log says the run went back to the queue, not that it was taken")
                    .contains(slow).contains("went back to the queue").doesNotContain("taken over by another worker")
                    .doesNotContain("recovered by another worker");
            assertThat(exitedAfter).as("shutdown time (ms)").isBetween(grace * 1000L - 500, grace * 1000L + 15_000);
        }
        Map<String, Object> quickRow = taskRow(quick);
        Map<String, Object> slowRow = taskRow(slow);
        assertThat(quickRow).containsEntry("status", "completed");
        assertThat(((Timestamp) quickRow.get("completed_at")).toInstant()).as("completed after SIGTERM")
                .isAfter(signalledAt);
        assertThat(slowRow).containsEntry("status", "queued").containsEntry("claimed_by", null)
                .containsEntry("lease_expires_at", null).containsEntry("attempts", 0);

        slowModel.set(false);
        try (ServerProcess next = node("graceful-runs-next", 1, grace).start(START)) {
            long started = System.nanoTime();
            String status = awaitFinal(new ProcessApi(next, API_KEY), slow, Duration.ofSeconds(45));
            long completedAfter = (System.nanoTime() - started) / 1_000_000;
            assertThat(status).as("the handed-back run on the next node").isEqualTo("completed");
            assertThat(next.logText()).as("no lease had to expire").doesNotContain("whose worker lost the lease");
            System.out.printf("GracefulShutdownIT/runs: exit 0 %d ms after SIGTERM (grace %d s); quick run "
                    + "completed in the grace period; the slow run was queued without a lease and the next node "
                    + "completed it %d ms after it listened%n", exitedAfter, grace, completedAfter);
        }
    }

    private ServerProcess.Builder node(String name, int workers, int graceSeconds) {
        String chromium = System.getenv().getOrDefault("SKYVERN_BROWSER_EXECUTABLE",
                Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "");
        ServerProcess.Builder builder = ServerProcess.named(name).dataDir(dataDir).workers(workers)
                .env("SKYVERN_API_KEY", API_KEY).env("SKYVERN_ALLOW_PRIVATE_NETWORK", "true")
                .env("SKYVERN_SHUTDOWN_GRACE_SECONDS", String.valueOf(graceSeconds))
                .env("SKYVERN_LLM_PROVIDER", "openai").env("SKYVERN_LLM_BASE_URL", llm.baseUrl())
                .env("SKYVERN_LLM_API_KEY", "sk-scripted").env("SKYVERN_LLM_MODEL", "scripted-model")
                .env("SKYVERN_LLM_VISION", "false").env("SKYVERN_BROWSER_EXECUTABLE", chromium);
        return databaseUrl == null ? builder : builder.databaseUrl(databaseUrl);
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    /**
     * A request on a connection that was open before the shutdown began. The answer is read at
     * once; a 200 can only come from the instant between the listener closing and the request
     * gate closing (one Jetty call), so it is retried a few times before giving up.
     */
    private static Optional<RawConnection.Response> requestOnOpenConnection(RawConnection connection)
            throws Exception {
        Optional<RawConnection.Response> reply = Optional.empty();
        for (int i = 0; i < 5; i++) {
            connection.write(get("/health"));
            reply = connection.readResponse();
            if (reply.isEmpty() || reply.get().status() != 200) {
                return reply;
            }
            Thread.sleep(20);
        }
        return reply;
    }

    private ScriptedReply awaitBothAsked(ScriptedReply then) {
        try {
            llm.awaitRequests(2, Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return then;
    }

    private static String created(ProcessApi.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.taskId();
    }

    private static String awaitFinal(ProcessApi api, String taskId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status = api.taskStatus(taskId);
        while (List.of("queued", "running", "created").contains(status) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = api.taskStatus(taskId);
        }
        return status;
    }

    /** The queue columns of one task, read from the database after the server exited. */
    private Map<String, Object> taskRow(String taskId) throws Exception {
        String url = databaseUrl != null ? databaseUrl
                : "jdbc:h2:file:" + dataDir.resolve("db").resolve("skyvern").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement("SELECT status, claimed_by, lease_expires_at, attempts, "
                     + "completed_at FROM tasks WHERE task_id = ?")) {
            s.setString(1, taskId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("row of %s", taskId).isTrue();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("status", rs.getString("status"));
                row.put("claimed_by", rs.getString("claimed_by"));
                row.put("lease_expires_at", rs.getTimestamp("lease_expires_at"));
                row.put("attempts", rs.getInt("attempts"));
                row.put("completed_at", rs.getTimestamp("completed_at"));
                return row;
            }
        }
    }
}
