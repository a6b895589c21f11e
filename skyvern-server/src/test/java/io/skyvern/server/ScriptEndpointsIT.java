package io.skyvern.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.config.ConfigKey;
import io.skyvern.testing.ReplayModel;
import io.skyvern.testing.ReplaySite;
import io.skyvern.testing.ScriptedLlmServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * run_mode and cache_key on POST /api/v1/tasks, /api/v1/scripts, a task's script and its Java export,
 * behind the real server (workers, Chromium on {@link ReplaySite}, the scripted model).
 */
class ScriptEndpointsIT {
    private static ReplaySite site;
    private static ScriptedLlmServer llm;
    private static TestServer s;

    @BeforeAll
    static void start() {
        site = ReplaySite.start();
        llm = ScriptedLlmServer.start();
        llm.whenExhausted(ReplayModel.answering(0));
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

    @Test
    void a_recorded_script_is_listed_shown_exported_replayed_and_deleted_within_its_organisation() throws Exception {
        JsonNode first = awaitFinal(createTask("auto", "{{ site }}-signup"));
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("completed");
        JsonNode how = s.get("/api/v1/tasks/" + first.path("task_id").asText() + "/script").json().path("data");
        assertThat(how.path("run_mode").asText()).isEqualTo("auto");
        assertThat(how.path("cache_key").asText()).isEqualTo("{{ site }}-signup");
        assertThat(how.path("script_version").asInt()).isEqualTo(1);
        String scriptId = how.path("script_id").asText();
        // The task itself carries them too, in GET, in the list, and each step its mode.
        JsonNode task = s.get("/api/v1/tasks/" + first.path("task_id").asText() + "?include_steps=true").json()
                .path("data");
        assertThat(task.path("run_mode").asText()).isEqualTo("auto");
        assertThat(task.path("cache_key").asText()).isEqualTo("{{ site }}-signup");
        assertThat(task.path("script_id").asText()).isEqualTo(scriptId);
        assertThat(task.path("script_version").asInt()).isEqualTo(1);
        assertThat(task.path("steps").findValuesAsText("mode")).isNotEmpty().containsOnly("agent");
        JsonNode listed = s.get("/api/v1/tasks?page=1&page_size=10").json().at("/data/tasks");
        assertThat(listed.findValuesAsText("script_id")).contains(scriptId);

        JsonNode list = s.get("/api/v1/scripts?page=1&page_size=10").json().path("data");
        assertThat(list.path("scripts").get(0).path("script_id").asText()).isEqualTo(scriptId);
        assertThat(list.path("scripts").get(0).path("cache_key").asText()).isEqualTo("replay-site-signup");
        assertThat(list.path("pagination").path("total_count").asInt()).isEqualTo(1);
        JsonNode details = s.get("/api/v1/scripts/" + scriptId).json().path("data");
        JsonNode firstAction = details.at("/versions/0/steps/0/actions/0");
        assertThat(firstAction.path("element").path("role").asText()).isEqualTo("textbox");
        assertThat(firstAction.path("element").path("name").asText()).isEqualTo("Username");
        assertThat(details.toString()).doesNotContain(ReplaySite.PASSWORD);

        TestServer.Response export = s.get("/api/v1/tasks/" + first.path("task_id").asText() + "/export?format=java");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/x-java-source");
        assertThat(export.text()).contains("public class SkyvernExport").doesNotContain(ReplaySite.PASSWORD);
        assertThat(s.get("/api/v1/tasks/" + first.path("task_id").asText() + "/export?format=python").status())
                .isEqualTo(422);

        int calls = llm.requestCount();
        JsonNode replayed = awaitFinal(createTask("replay", "{{ site }}-signup"));
        assertThat(replayed.path("status").asText()).isEqualTo("completed");
        assertThat(llm.requestCount() - calls).as("only the extraction").isEqualTo(1);
        JsonNode modes = s.get("/api/v1/tasks/" + replayed.path("task_id").asText() + "/script").json().path("data");
        assertThat(modes.path("steps").findValuesAsText("mode")).containsOnly("replayed");
        assertThat(replayed.path("script_id").asText()).isEqualTo(scriptId);
        assertThat(s.get("/api/v1/tasks/" + replayed.path("task_id").asText() + "/steps").json().path("data")
                .findValuesAsText("mode")).isNotEmpty().containsOnly("replayed");
        // Analytics and /metrics count what the replay saved: the first run's calls and tokens for those steps.
        JsonNode recordedSteps = s.get("/api/v1/tasks/" + first.path("task_id").asText() + "/analytics").json()
                .at("/data/step_metrics");
        JsonNode saved = s.get("/api/v1/tasks/" + replayed.path("task_id").asText() + "/analytics").json()
                .at("/data/step_metrics");
        int replayedSteps = modes.path("steps").size();
        assertThat(saved.path("replayed_steps").asInt()).isEqualTo(replayedSteps);
        assertThat(saved.path("healed_steps").asInt()).isZero();
        assertThat(saved.path("model_calls_saved").asInt()).isEqualTo(replayedSteps);
        assertThat(saved.path("tokens_saved").asLong()).isPositive().isLessThanOrEqualTo(
                recordedSteps.path("total_input_tokens").asLong() + recordedSteps.path("total_output_tokens").asLong());
        assertThat(recordedSteps.path("replayed_steps").asInt()).isZero();
        String metrics = s.get("/metrics").text();
        assertThat(metrics).contains("skyvern_steps_by_mode{mode=\"replayed\"} " + replayedSteps + ".0")
                .contains("skyvern_replay_model_calls_saved " + replayedSteps + ".0")
                .contains("skyvern_replay_tokens_saved " + saved.path("tokens_saved").asLong() + ".0");

        String other = s.newOrganizationKey("Other");
        assertThat(s.get("/api/v1/scripts/" + scriptId, other).status()).isEqualTo(404);
        assertThat(s.get("/api/v1/scripts", other).json().at("/data/scripts")).isEmpty();
        assertThat(s.send("DELETE", "/api/v1/scripts/" + scriptId, null, other, Map.of()).status()).isEqualTo(404);
        assertThat(s.get("/api/v1/tasks/" + first.path("task_id").asText() + "/export", other).status()).isEqualTo(404);

        assertThat(s.send("DELETE", "/api/v1/scripts/" + scriptId, null, s.bootstrapKey, Map.of()).status()).isEqualTo(200);
        assertThat(s.get("/api/v1/scripts/" + scriptId).status()).isEqualTo(404);
        JsonNode none = awaitFinal(createTask("replay", "{{ site }}-signup"));
        assertThat(none.path("status").asText()).isEqualTo("failed");
        assertThat(none.path("failure_reason").asText()).contains("no script under the cache key 'replay-site-signup'");
    }

    @Test
    void the_openapi_document_shows_the_replay_fields() {
        JsonNode schemas = s.get("/openapi.json", null).json().path("components").path("schemas");
        assertThat(schemas.at("/CreateTaskBody/properties").has("run_mode")).isTrue();
        assertThat(schemas.at("/StartRunBody/properties").has("run_mode")).isTrue();
        assertThat(schemas.at("/StartRunBody/properties").has("cache_key")).isTrue();
        assertThat(schemas.at("/TaskResponse/properties").has("script_id")).isTrue();
        assertThat(schemas.at("/TaskResponse/properties").has("script_version")).isTrue();
        assertThat(schemas.at("/StepResponse/properties").has("mode")).isTrue();
        assertThat(schemas.at("/BlockRunResponse/properties").has("script_id")).isTrue();
    }

    @Test
    void a_bad_run_mode_is_a_422() {
        TestServer.Response bad = s.post("/api/v1/tasks", Map.of("url", site.url("/login"), "navigation_goal", "x",
                "run_mode", "sometimes"));
        assertThat(bad.status()).as(bad.text()).isEqualTo(422);
        assertThat(bad.text()).contains("run_mode");
    }

    @Test
    void a_workflow_run_records_then_replays_its_task_block_and_names_the_script_in_its_block_view() throws Exception {
        String key = s.newOrganizationKey("Workflow replay");   // its scripts stay out of the other test's list
        TestServer.Response created = s.post("/api/v1/workflows", Map.of("title", "Sign up", "workflow_definition",
                Map.of("blocks", List.of(Map.of("id", "signup", "type", "task", "parameters", Map.of(
                        "url", site.url("/login"),
                        "navigation_goal", "Sign in, choose Japan, accept the terms and finish",
                        "data_extraction_goal", "The confirmation code",
                        "navigation_payload", Map.of("country", "Japan",
                                "login", Map.of("username", "alice", "password", ReplaySite.PASSWORD))))))), key);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String workflowId = created.json().at("/data/workflow_id").asText();

        TestServer.Response bad = s.post("/api/v1/workflows/" + workflowId + "/runs",
                Map.of("parameters", Map.of(), "run_mode", "sometimes"), key);
        assertThat(bad.status()).as(bad.text()).isEqualTo(422);
        assertThat(bad.text()).contains("run_mode");

        JsonNode first = awaitRun(key, workflowId, "{{ site }}-wf");
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("completed");
        JsonNode block = first.at("/blocks/0");
        assertThat(block.path("run_mode").asText()).isEqualTo("auto");
        assertThat(block.path("cache_key").asText()).isEqualTo("replay-wf:signup");
        assertThat(block.path("script_version").asInt()).isEqualTo(1);
        int calls = llm.requestCount();

        JsonNode second = awaitRun(key, workflowId, "{{ site }}-wf");
        assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("completed");
        assertThat(second.at("/blocks/0/script_id").asText()).isEqualTo(block.path("script_id").asText());
        assertThat(llm.requestCount() - calls).as("only the extraction").isEqualTo(1);
    }

    private static JsonNode awaitRun(String key, String workflowId, String cacheKey) throws InterruptedException {
        TestServer.Response started = s.post("/api/v1/workflows/" + workflowId + "/runs",
                Map.of("parameters", Map.of("site", "replay"), "run_mode", "auto", "cache_key", cacheKey), key);
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        String runId = started.json().at("/data/workflow_run_id").asText();
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (true) {
            JsonNode run = s.get("/api/v1/workflows/" + workflowId + "/runs/" + runId + "?include_blocks=true", key)
                    .json().path("data");
            if (List.of("completed", "failed", "terminated", "canceled", "timed_out").contains(run.path("status").asText())) {
                return run;
            }
            assertThat(System.nanoTime()).as("run %s still %s", runId, run.path("status").asText()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String createTask(String mode, String cacheKey) {
        TestServer.Response created = s.post("/api/v1/tasks", Map.of("url", site.url("/login"),
                "navigation_goal", "Sign in, choose Japan, accept the terms and finish",
                "data_extraction_goal", "The confirmation code", "run_mode", mode, "cache_key", cacheKey,
                "navigation_payload", Map.of("site", "replay-site", "country", "Japan",
                        "login", Map.of("username", "alice", "password", ReplaySite.PASSWORD))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().at("/data/task_id").asText();
    }

    private static JsonNode awaitFinal(String taskId) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (true) {
            JsonNode task = s.get("/api/v1/tasks/" + taskId).json().path("data");
            if (List.of("completed", "failed", "terminated", "canceled", "timed_out").contains(task.path("status").asText())) {
                return task;
            }
            assertThat(System.nanoTime()).as("task %s still %s", taskId, task.path("status").asText()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
