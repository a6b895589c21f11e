package io.skyvern.server.process;

import io.skyvern.testing.FixtureSite;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.ScriptedReply;
import io.skyvern.testing.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety of the embedded default (an H2 file database in the data dir): the server is
 * SIGKILLed while client threads create tasks; after a restart on the same data dir every create
 * that was answered 201 is there, the database opened without complaint, and a node with workers
 * picks the queued tasks up. Creates that were committed but whose answer was lost with the
 * process are allowed (the client cannot tell them from a failure; they show up as extra rows).
 * H2 only: PostgreSQL's durability is PostgreSQL's, not ours.
 */
class CrashSafetyIT {
    private static final String API_KEY = "sk-crash-safety-0123456789abcdef";
    private static final int CLIENT_THREADS = 6;
    /** The load runs at least this long and until this many creates were answered, then the kill. */
    private static final Duration MIN_LOAD = Duration.ofSeconds(3);
    private static final int MIN_ANSWERED = 150;
    private static final Duration START = Duration.ofSeconds(120);  // generous: CI machines can be slow
    /** What an unclean database would say at open: H2's MVStore errors, or a failed start. */
    private static final Pattern DATABASE_TROUBLE = Pattern.compile(
            "(?i)corrupt|MVStoreException|Cannot (open|connect to|migrate) the database|\\bERROR\\b");

    @Test
    void every_create_answered_201_survives_sigkill_and_queued_work_resumes() throws Exception {
        Assumptions.assumeFalse(TestDatabases.isPostgres(), "H2 only: crash safety of the embedded default");
        Path dataDir = Files.createTempDirectory("skyvern-crash");
        try (FixtureSite site = FixtureSite.start(); ScriptedLlmServer llm = ScriptedLlmServer.start()) {
            llm.whenExhausted(r -> ScriptedReply.json(Map.of("actions", List.of(Map.of("action_type", "complete")))));

            CreateLoad.Result load;
            long killedAtMillis;
            try (ServerProcess loaded = node("crash-load", dataDir, 0, llm).start(START)) {
                CreateLoad clients = CreateLoad.start(new ProcessApi(loaded, API_KEY), site.url("/products"),
                        CLIENT_THREADS);
                long started = System.nanoTime();
                long deadline = started + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() - started < MIN_LOAD.toNanos()
                        || (clients.answeredSoFar() < MIN_ANSWERED && System.nanoTime() < deadline)) {
                    Thread.sleep(50);
                }
                assertThat(clients.answeredSoFar()).as("creates answered before the kill").isGreaterThanOrEqualTo(MIN_ANSWERED);
                loaded.kill();
                killedAtMillis = (System.nanoTime() - started) / 1_000_000;
                load = clients.stop();
            }
            assertThat(load.otherStatus()).as("answers other than 201 before the kill").isZero();

            long restartStart = System.nanoTime();
            try (ServerProcess restarted = node("crash-restart", dataDir, 0, llm).start(START)) {
                long restartMillis = (System.nanoTime() - restartStart) / 1_000_000;
                ProcessApi api = new ProcessApi(restarted, API_KEY);
                assertThat(api.get("/health").status()).as("health after restart").isEqualTo(200);
                List<String> missing = missing(api, load.answered201());
                long rows = api.taskCount();
                System.out.printf("CrashSafetyIT: killed after %d ms under %d client threads; calls sent %d, "
                                + "answered 201: %d, calls without answer: %d; after restart (%d ms): found %d, "
                                + "missing %d, rows %d, committed but unanswered %d%n",
                        killedAtMillis, CLIENT_THREADS, load.sent(), load.answered201().size(), load.failedCalls(),
                        restartMillis, load.answered201().size() - missing.size(), missing.size(), rows,
                        rows - (load.answered201().size() - missing.size()));
                assertThat(missing).as("tasks answered 201 but gone after the crash").isEmpty();
                assertThat(rows).isGreaterThanOrEqualTo(load.answered201().size());
                assertThat(restarted.logText()).as("restart log").doesNotContainPattern(DATABASE_TROUBLE);
                restarted.terminate();
                assertThat(restarted.waitForExit(Duration.ofSeconds(30))).isIn(0, 143);
            }

            try (ServerProcess worker = node("crash-resume", dataDir, 2, llm).start(START)) {
                ProcessApi api = new ProcessApi(worker, API_KEY);
                List<String> oldest = load.answered201().stream().sorted().limit(3).toList();  // ids are time-ordered
                for (String taskId : oldest) {
                    assertThat(awaitFinal(api, taskId, Duration.ofSeconds(45))).as(taskId).isEqualTo("completed");
                }
                System.out.printf("CrashSafetyIT: a node with 2 workers completed the 3 oldest queued tasks; "
                        + "LLM calls %d%n", llm.requestCount());
            }
        }
    }

    private static ServerProcess.Builder node(String name, Path dataDir, int workers, ScriptedLlmServer llm) {
        String chromium = System.getenv().getOrDefault("SKYVERN_BROWSER_EXECUTABLE",
                Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "");
        return ServerProcess.named(name).dataDir(dataDir).workers(workers)
                .env("SKYVERN_API_KEY", API_KEY).env("SKYVERN_ALLOW_PRIVATE_NETWORK", "true")
                .env("SKYVERN_RATE_LIMIT_PER_MINUTE", "1000000")
                .env("SKYVERN_ORG_MAX_QUEUED_TASKS", "1000000")
                .env("SKYVERN_LLM_PROVIDER", "openai").env("SKYVERN_LLM_BASE_URL", llm.baseUrl())
                .env("SKYVERN_LLM_API_KEY", "sk-scripted").env("SKYVERN_LLM_MODEL", "scripted-model")
                .env("SKYVERN_LLM_VISION", "false").env("SKYVERN_BROWSER_EXECUTABLE", chromium);
    }

    /** The ids of {@code taskIds} the server does not know (GET not 200), looked up by 4 threads. */
    private static List<String> missing(ProcessApi api, Set<String> taskIds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> lookups = new ArrayList<>();
            for (String id : taskIds) {
                lookups.add(pool.submit(() -> api.get("/api/v1/tasks/" + id).status() == 200 ? null : id));
            }
            List<String> missing = new ArrayList<>();
            for (Future<String> lookup : lookups) {
                String id = lookup.get(60, TimeUnit.SECONDS);
                if (id != null) {
                    missing.add(id);
                }
            }
            return missing;
        } finally {
            pool.shutdownNow();
        }
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
}
