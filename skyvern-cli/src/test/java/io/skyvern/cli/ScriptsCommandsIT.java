package io.skyvern.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.skyvern.agent.ScriptAction;
import io.skyvern.agent.ScriptStep;
import io.skyvern.browser.ElementDescriptor;
import io.skyvern.common.Json;
import io.skyvern.common.RunMode;
import io.skyvern.script.ScriptVersion;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** scripts list/show/delete, tasks export and run-task --mode, remotely and in-process. */
class ScriptsCommandsIT {
    private static CliTestServer s;

    @BeforeAll
    static void start() {
        s = CliTestServer.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void scripts_are_listed_shown_exported_and_deleted() throws Exception {
        for (boolean remote : new boolean[]{true, false}) {
            ScriptVersion version = recordedScript(remote ? "remote-key" : "local-key");
            String id = version.scriptId();

            CliRun list = CliRun.of(args(remote, "scripts", "list"));
            assertThat(list.exitCode()).as(list.toString()).isZero();
            assertThat(list.out()).contains(id).contains(remote ? "remote-key" : "local-key");
            CliRun show = CliRun.of(args(remote, "scripts", "show", id));
            assertThat(show.exitCode()).as(show.toString()).isZero();
            assertThat(show.out()).contains("input_text  textbox \"Username\"  <- login.username")
                    .contains("click  button \"Sign in\"");
            CliRun json = CliRun.of(args(remote, "scripts", "show", id, "--json"));
            assertThat(Json.mapper().readTree(json.out()).at("/versions/0/steps/0/actions/0/element/css_path").asText())
                    .isEqualTo("input#user");
            CliRun export = CliRun.of(args(remote, "tasks", "export", version.taskId()));
            assertThat(export.exitCode()).as(export.toString()).isZero();
            assertThat(export.out()).contains("public class SkyvernExport", "LOGIN_USERNAME = \"alice\"",
                    "AriaRole.BUTTON, \"Sign in\"");

            CliRun deleted = CliRun.of(args(remote, "scripts", "delete", id));
            assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
            CliRun again = CliRun.of(args(remote, "scripts", "show", id));
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("Script " + id + " not found");
        }
    }

    @Test
    void run_task_refuses_an_unknown_mode() {
        CliRun run = CliRun.of(s.local("run-task", "--url", "http://127.0.0.1:9/", "--goal", "x", "--mode", "often"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--mode must be agent, auto or replay");
    }

    @Test
    void workflows_run_passes_its_mode_and_cache_key() throws Exception {
        String workflowId = s.skyvern.workflows().create(s.organizationId, new io.skyvern.workflow.WorkflowRequest(
                "Pause", null, Json.mapper().readTree("{\"blocks\":[{\"id\":\"pause\",\"type\":\"wait\","
                        + "\"parameters\":{\"seconds\":0}}]}"), null, null)).workflow().workflowId();
        for (boolean remote : new boolean[]{true, false}) {
            CliRun run = CliRun.of(args(remote, "workflows", "run", workflowId, "--mode", "replay", "--cache-key",
                    "{{ site }}-k", "--no-wait", "--json"));
            assertThat(run.exitCode()).as(run.toString()).isZero();
            String runId = Json.mapper().readTree(run.out()).path("workflow_run_id").asText();
            var stored = s.skyvern.scripts().run(runId).orElseThrow();
            assertThat(stored.runMode()).isEqualTo(RunMode.REPLAY);
            assertThat(stored.cacheKey()).contains("{{ site }}-k");
        }
        CliRun bad = CliRun.of(s.local("workflows", "run", workflowId, "--mode", "often", "--no-wait"));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--mode must be agent, auto or replay");
    }

    /** A queued task (no worker runs it here) and a script version recorded for it. */
    private static ScriptVersion recordedScript(String key) throws Exception {
        Task task = s.skyvern.tasks().create(s.organizationId, CreateTaskRequest.builder("http://127.0.0.1:9/login",
                "Sign in").navigationPayload(Json.mapper().readTree("{\"login\":{\"username\":\"alice\"}}"))
                .runMode(RunMode.AUTO).build());
        ElementDescriptor user = new ElementDescriptor("textbox", "Username", "input", "Username", "", "",
                Map.of("id", "user"), "input#user", "/html[1]/body[1]/form[1]/input[1]", List.of(), "");
        ElementDescriptor signIn = new ElementDescriptor("button", "Sign in", "button", "", "", "Sign in",
                Map.of(), "form > button", "/html[1]/body[1]/form[1]/button[1]", List.of(), "");
        List<ScriptStep> steps = List.of(new ScriptStep("http://127.0.0.1:9/login", "Sign in", List.of(
                new ScriptAction("input_text", JsonNodeFactory.instance.objectNode().put("text", "alice"), user,
                        "login.username"),
                new ScriptAction("click", null, signIn, null),
                new ScriptAction("complete", null, null, null))));
        ScriptVersion version = s.skyvern.scripts().record(s.organizationId, key, task.taskId(), steps);
        s.skyvern.scripts().runUsed(task.taskId(), version);
        return version;
    }

    private static String[] args(boolean remote, String... args) {
        return remote ? s.remote(args) : s.local(args);
    }
}
