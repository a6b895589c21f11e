package io.skyvern.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.config.ConfigKey;
import io.skyvern.testing.FixtureSite;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.ScriptedReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks executed behind the API (workers, real Chromium, scripted LLM), their artifacts and
 * webhooks, browser sessions, health and metrics.
 */
class ExecutionEndpointsIT {
    private static FixtureSite site;
    private static ScriptedLlmServer llm;
    private static TestServer s;

    @BeforeAll
    static void start() {
        site = FixtureSite.start();
        llm = ScriptedLlmServer.start();
        llm.whenExhausted(r -> ScriptedReply.json(Map.of("actions", List.of(Map.of("action_type", "complete")))));
        String chromium = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "";
        s = TestServer.start(Map.of(ConfigKey.WORKERS, "2", ConfigKey.LLM_PROVIDER, "openai",
                ConfigKey.LLM_BASE_URL, llm.baseUrl(), ConfigKey.LLM_API_KEY, "sk-scripted",
                ConfigKey.LLM_MODEL, "scripted-model", ConfigKey.LLM_VISION, "false",
                ConfigKey.BROWSER_EXECUTABLE, chromium, ConfigKey.ALLOW_PRIVATE_NETWORK, "true"));
    }

    @AfterAll
    static void stop() {
        s.close();
        llm.close();
        site.close();
    }

    private static JsonNode awaitFinal(String taskId) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode task = s.get("/api/v1/tasks/" + taskId).json().path("data");
            if (List.of("completed", "failed", "terminated", "canceled", "timed_out").contains(task.path("status").asText())) {
                return task;
            }
            assertThat(System.nanoTime()).as("task %s still %s", taskId, task.path("status").asText()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String createTask(Map<String, Object> body) {
        TestServer.Response created = s.post("/api/v1/tasks", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().at("/data/task_id").asText();
    }

    @Test
    void a_task_created_over_http_runs_to_completed_with_steps_actions_and_screenshot_content() throws Exception {
        String taskId = createTask(Map.of("url", site.url("/products"), "navigation_goal", "Look at the products"));

        JsonNode task = awaitFinal(taskId);

        assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("completed");
        TestServer.Response steps = s.get("/api/v1/tasks/" + taskId + "/steps?include_actions=true&include_screenshots=true");
        assertThat(steps.status()).isEqualTo(200);
        JsonNode step = steps.json().path("data").get(0);
        assertThat(step.path("status").asText()).isEqualTo("completed");
        assertThat(step.path("actions").get(0).path("action_type").asText()).isEqualTo("complete");
        String contentUrl = step.path("screenshots").get(0).path("content_url").asText();
        String artifactId = step.path("screenshots").get(0).path("artifact_id").asText();

        TestServer.Response png = s.get(contentUrl);
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Type")).startsWith("image/png");
        assertThat(Arrays.copyOf(png.body(), 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);

        TestServer.Response meta = s.get("/api/v1/artifacts/" + artifactId);
        assertThat(meta.status()).isEqualTo(200);
        assertThat(meta.json().at("/data/task_id").asText()).isEqualTo(taskId);
        assertThat(meta.json().at("/data/size_bytes").asLong()).isEqualTo(png.body().length);

        String other = s.newOrganizationKey("Other org " + System.nanoTime());
        TestServer.Response foreign = s.get(contentUrl, other);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().at("/error/code").asText()).isEqualTo("ARTIFACT_NOT_FOUND");
        assertThat(s.get("/api/v1/artifacts/" + artifactId, other).status()).isEqualTo(404);
        assertThat(s.get("/api/v1/artifacts/a_missing").json().at("/error/code").asText()).isEqualTo("ARTIFACT_NOT_FOUND");
    }

    @Test
    void retry_webhook_needs_a_finished_task_with_a_url() throws Exception {
        String noUrl = createTask(Map.of("url", site.url("/products"), "navigation_goal", "Finish"));
        awaitFinal(noUrl);
        TestServer.Response missing = s.post("/api/v1/tasks/" + noUrl + "/retry_webhook", null);
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("WEBHOOK_NOT_CONFIGURED");

        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
        receiver.createContext("/hook", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                hits.incrementAndGet();
                ex.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            String withUrl = createTask(Map.of("url", site.url("/products"), "navigation_goal", "Finish",
                    "webhook_callback_url", url));
            awaitFinal(withUrl);
            TestServer.Response retried = s.post("/api/v1/tasks/" + withUrl + "/retry_webhook", null);
            assertThat(retried.status()).as(retried.text()).isEqualTo(200);
            assertThat(retried.json().at("/data/delivered").asBoolean()).isTrue();
            assertThat(retried.json().at("/data/status_code").asInt()).isEqualTo(204);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (hits.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(hits.get()).isEqualTo(2);  // the automatic one and the retry
            String other = s.newOrganizationKey("Webhook other " + System.nanoTime());
            assertThat(s.post("/api/v1/tasks/" + withUrl + "/retry_webhook", null, other).status()).isEqualTo(404);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void browser_sessions_are_created_listed_closed_and_checked_when_a_task_names_one() {
        TestServer.Response created = s.post("/api/v1/browser_sessions", Map.of());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode session = created.json().path("data");
        String id = session.path("browser_session_id").asText();
        assertThat(session.path("status").asText()).isEqualTo("active");
        assertThat(session.path("timeout_minutes").asInt()).isEqualTo(60);

        TestServer.Response tooLong = s.post("/api/v1/browser_sessions", Map.of("timeout_minutes", 241));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(s.get("/api/v1/browser_sessions").json().at("/data/browser_sessions")).anySatisfy(n ->
                assertThat(n.path("browser_session_id").asText()).isEqualTo(id));
        // paginated like every list
        TestServer.Response firstPage = s.get("/api/v1/browser_sessions?page=1&page_size=1");
        assertThat(firstPage.json().at("/data/browser_sessions")).hasSize(1);
        assertThat(firstPage.json().at("/data/pagination/page_size").asInt()).isEqualTo(1);
        assertThat(firstPage.json().at("/data/pagination/total_count").asLong()).isPositive();
        assertThat(s.get("/api/v1/browser_sessions?page=0").status()).isEqualTo(422);
        // boolean query parameters are true or false, nothing else
        assertThat(s.get("/api/v1/tasks/tsk_x/steps?include_actions=yes").status()).isEqualTo(422);
        assertThat(s.get("/api/v1/browser_sessions/" + id).json().at("/data/browser_session_id").asText()).isEqualTo(id);
        String other = s.newOrganizationKey("Sessions other " + System.nanoTime());
        TestServer.Response foreign = s.get("/api/v1/browser_sessions/" + id, other);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().at("/error/code").asText()).isEqualTo("BROWSER_SESSION_NOT_FOUND");
        TestServer.Response unknown = s.post("/api/v1/tasks", Map.of("url", site.url("/products"), "navigation_goal",
                "x", "browser_session_id", "pbs_missing"));
        assertThat(unknown.status()).isEqualTo(404);

        TestServer.Response closed = s.post("/api/v1/browser_sessions/" + id + "/close", null);
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().at("/data/status").asText()).isEqualTo("closed");
        assertThat(closed.json().at("/data/closed_at").isNull()).isFalse();
        TestServer.Response refused = s.post("/api/v1/tasks", Map.of("url", site.url("/products"), "navigation_goal",
                "x", "browser_session_id", id));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("BROWSER_SESSION_CLOSED");
    }

    @Test
    void health_reports_database_and_browser_and_metrics_show_queue_and_runs() throws Exception {
        TestServer.Response health = s.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/data/checks/database").asText()).isEqualTo("ok");
        assertThat(health.json().at("/data/checks/browser").asText()).isEqualTo("ok");

        awaitFinal(createTask(Map.of("url", site.url("/products"), "navigation_goal", "Finish")));
        String metrics = s.get("/metrics", null).text();
        assertThat(metrics).contains("skyvern_queue_depth").containsPattern("skyvern_runs\\{status=\"completed\"[^}]*} [1-9]");
    }
}
