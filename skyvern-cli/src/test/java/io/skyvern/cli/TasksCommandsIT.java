package io.skyvern.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.artifact.NewArtifact;
import io.skyvern.common.Json;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import io.skyvern.task.TaskIncludes;
import io.skyvern.task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** tasks list/get/cancel/steps/artifacts, keys and org, both in-process and against a real server. */
class TasksCommandsIT {
    private static CliTestServer s;

    @BeforeAll
    static void start() {
        s = CliTestServer.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static Task newTask(String goal) {
        return s.skyvern.tasks().create(s.organizationId,
                CreateTaskRequest.builder("https://shop.test/item", goal).maxSteps(7).build());
    }

    @Test
    void tasks_list_shows_the_task_remotely_and_in_process() {
        Task task = newTask("find the list price");
        for (String[] args : new String[][]{s.remote("tasks", "list"), s.local("tasks", "list")}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("TASK_ID").contains(task.taskId()).contains("queued")
                    .contains("find the list price");
        }
    }

    @Test
    void tasks_list_json_is_parseable_and_filters_by_status() throws Exception {
        Task queued = newTask("json listing");
        Task canceled = newTask("json listing canceled");
        s.skyvern.tasks().cancel(s.organizationId, canceled.taskId(), io.skyvern.task.CancelRequest.of("x"));
        for (String[] args : new String[][]{s.remote("tasks", "list", "--json", "--status", "canceled"),
                s.local("tasks", "list", "--json", "--status", "canceled")}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode json = Json.mapper().readTree(run.out());
            assertThat(json.get("tasks").findValuesAsText("task_id")).contains(canceled.taskId())
                    .doesNotContain(queued.taskId());
            assertThat(json.get("tasks").findValuesAsText("status")).containsOnly("canceled");
            assertThat(json.at("/pagination/total_count").asLong()).isPositive();
            assertThat(json.at("/filters/status/0").asText()).isEqualTo("canceled");
        }
    }

    @Test
    void tasks_get_prints_the_task_and_json_matches_the_api_shape() throws Exception {
        Task task = newTask("read the title");
        CliRun text = CliRun.of(s.remote("tasks", "get", task.taskId()));
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains("task_id: " + task.taskId()).contains("status: queued")
                .contains("goal: read the title");
        CliRun json = CliRun.of(s.local("tasks", "get", task.taskId(), "--json", "--steps", "--artifacts"));
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode node = Json.mapper().readTree(json.out());
        assertThat(node.get("task_id").asText()).isEqualTo(task.taskId());
        assertThat(node.get("status").asText()).isEqualTo("queued");
        assertThat(node.get("max_steps").asInt()).isEqualTo(7);
        assertThat(node.get("steps").isArray()).isTrue();
        assertThat(node.get("artifacts").isArray()).isTrue();
    }

    @Test
    void tasks_get_of_unknown_task_is_exit_1_with_the_server_message() {
        for (String[] args : new String[][]{s.remote("tasks", "get", "tsk_nope"), s.local("tasks", "get", "tsk_nope")}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.err().strip()).isEqualTo("skyvern-cli: Task tsk_nope not found");
        }
    }

    @Test
    void tasks_cancel_cancels_remotely_and_in_process_and_a_second_cancel_fails() {
        Task remote = newTask("cancel me remotely");
        Task local = newTask("cancel me locally");
        CliRun r = CliRun.of(s.remote("tasks", "cancel", remote.taskId(), "--reason", "not needed"));
        CliRun l = CliRun.of(s.local("tasks", "cancel", local.taskId()));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(l.exitCode()).as(l.toString()).isZero();
        assertThat(r.out()).contains(remote.taskId() + " canceled");
        assertThat(status(remote)).isEqualTo(TaskStatus.CANCELED);
        assertThat(status(local)).isEqualTo(TaskStatus.CANCELED);
        CliRun again = CliRun.of(s.remote("tasks", "cancel", remote.taskId()));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("skyvern-cli: ").doesNotContain("\tat ");
    }

    @Test
    void tasks_steps_and_artifacts_show_what_the_run_recorded() {
        Task task = newTask("steps please");
        TaskDriver driver = new TaskDriver(s.repositories, s.organizationId);
        driver.transition(task.taskId(), TaskStatus.QUEUED, TaskStatus.RUNNING, null);
        driver.step(task.taskId(), 1, "https://shop.test/item", "The buy button leads to the price");
        CliRun steps = CliRun.of(s.remote("tasks", "steps", task.taskId(), "--actions"));
        assertThat(steps.exitCode()).as(steps.toString()).isZero();
        assertThat(steps.out()).contains("step 1").contains("https://shop.test/item")
                .contains("click e12 [success] - The buy button leads to the price");
        CliRun artifacts = CliRun.of(s.local("tasks", "artifacts", task.taskId()));
        assertThat(artifacts.exitCode()).as(artifacts.toString()).isZero();
        assertThat(artifacts.out()).contains("screenshot_after").contains("file:///tmp/");
    }

    @Test
    void tasks_artifacts_download_saves_every_artifact_in_process_and_remotely() throws Exception {
        Task task = newTask("download please");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        byte[] tree = "<button id=e1>Buy</button>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        s.skyvern.artifacts().record(new NewArtifact(s.organizationId, task.taskId(), null, null, null,
                ArtifactType.SCREENSHOT_FINAL, png, null));
        s.skyvern.artifacts().record(new NewArtifact(s.organizationId, task.taskId(), null, null, null,
                ArtifactType.ELEMENT_TREE, tree, null));
        for (boolean local : new boolean[]{true, false}) {
            Path dir = Files.createTempDirectory("skyvern-cli-download");
            String[] args = {"tasks", "artifacts", task.taskId(), "--download", dir.toString()};
            CliRun run = CliRun.of(local ? s.local(args) : s.remote(args));
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).contains("2 of 2 artifacts saved in");
            assertThat(Files.readAllBytes(dir.resolve("task-screenshot-final.png"))).isEqualTo(png);
            assertThat(Files.readAllBytes(dir.resolve("task-element-tree.txt"))).isEqualTo(tree);
        }
    }

    @Test
    void keys_create_list_revoke_and_org_create_work_remotely_and_in_process() throws Exception {
        CliRun created = CliRun.of(s.remote("keys", "create", "--name", "ci", "--json"));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        JsonNode key = Json.mapper().readTree(created.out());
        assertThat(key.get("api_key").asText()).isNotBlank();
        String keyId = key.get("api_key_id").asText();
        CliRun listed = CliRun.of(s.local("keys", "list"));
        assertThat(listed.out()).contains(keyId);
        CliRun revoked = CliRun.of(s.local("keys", "revoke", keyId));
        assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
        assertThat(revoked.out()).contains(keyId + " revoked at");

        CliRun org = CliRun.of(s.remote("org", "create", "Acme", "--json"));
        assertThat(org.exitCode()).as(org.toString()).isZero();
        JsonNode orgJson = Json.mapper().readTree(org.out());
        assertThat(orgJson.at("/organization/name").asText()).isEqualTo("Acme");
        String acmeKey = orgJson.at("/api_key/api_key").asText();
        CliRun forbidden = CliRun.of("org", "create", "Nested", "--server", s.url(), "--api-key", acmeKey);
        assertThat(forbidden.exitCode()).isEqualTo(1);
        assertThat(forbidden.err()).contains("Only the bootstrap organisation may create organisations");
        CliRun local = CliRun.of(s.local("org", "create", "Local Co"));
        assertThat(local.exitCode()).as(local.toString()).isZero();
        assertThat(local.out()).contains("name: Local Co").contains("api_key: ");
    }

    @Test
    void a_wrong_api_key_is_a_configuration_error() {
        CliRun run = CliRun.of("tasks", "list", "--server", s.url(), "--api-key", "sk_wrong");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith("skyvern-cli: ").doesNotContain("\tat ");
    }

    @Test
    void sessions_create_list_and_close_work_in_process_and_remotely_with_the_same_json() throws Exception {
        for (boolean local : new boolean[]{true, false}) {
            java.util.function.Function<String[], String[]> mode = a -> local ? s.local(a) : s.remote(a);
            CliRun created = CliRun.of(mode.apply(new String[]{"sessions", "create", "--timeout-minutes", "20",
                    "--json"}));
            assertThat(created.exitCode()).as(created.toString()).isZero();
            JsonNode session = Json.mapper().readTree(created.out());
            String id = session.get("browser_session_id").asText();
            assertThat(session.get("timeout_minutes").asInt()).isEqualTo(20);
            assertThat(session.get("status").asText()).isEqualTo("active");

            CliRun listed = CliRun.of(mode.apply(new String[]{"sessions", "list"}));
            assertThat(listed.exitCode()).as(listed.toString()).isZero();
            assertThat(listed.out()).contains(id).contains("active");

            CliRun closed = CliRun.of(mode.apply(new String[]{"sessions", "close", id}));
            assertThat(closed.exitCode()).as(closed.toString()).isZero();
            assertThat(s.skyvern.browserSessions().get(s.organizationId, id).status()).isEqualTo("closed");
        }
    }

    private static TaskStatus status(Task task) {
        return s.skyvern.tasks().getDetails(s.organizationId, task.taskId(), TaskIncludes.NONE).task().status();
    }
}
