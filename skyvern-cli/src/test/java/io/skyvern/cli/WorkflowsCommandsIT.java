package io.skyvern.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import io.skyvern.workflow.WorkflowRunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** workflows create/update/run/run-show/delete in-process (where run executes here) and against a server. */
class WorkflowsCommandsIT {
    private static final String WAIT = """
            title: pause
            workflow_definition:
              blocks:
                - id: pause
                  type: wait
                  parameters:
                    seconds: 0.1
            """;
    private static CliTestServer s;

    @BeforeAll
    static void start() {
        s = CliTestServer.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static String create() throws Exception {
        Path file = Files.createTempFile("wait", ".yaml");
        Files.writeString(file, WAIT);
        CliRun created = CliRun.of(s.local("workflows", "create", "-f", file.toString(), "--json"));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        return Json.mapper().readTree(created.out()).at("/workflow_id").asText();
    }

    @Test
    void in_process_run_executes_here_waits_and_shows_block_progress() throws Exception {
        String id = create();

        CliRun run = CliRun.of(s.local("workflows", "run", id));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("block pause (wait): completed").contains("status: completed");
        assertThat(run.out()).contains("status: completed").contains("pause");
        String runId = run.out().lines().filter(l -> l.startsWith("workflow_run_id: ")).findFirst().orElseThrow()
                .substring("workflow_run_id: ".length());

        CliRun show = CliRun.of(s.remote("workflows", "run-show", id, runId, "--json"));
        assertThat(show.exitCode()).as(show.toString()).isZero();
        JsonNode json = Json.mapper().readTree(show.out());
        assertThat(json.get("workflow_run_id").asText()).isEqualTo(runId);
        assertThat(json.get("blocks").findValuesAsText("block_id")).containsExactly("pause");
    }

    @Test
    void remote_run_queues_by_default_and_wait_with_timeout_cancels_it() throws Exception {
        String id = create();

        CliRun queued = CliRun.of(s.remote("workflows", "run", id));
        assertThat(queued.exitCode()).as(queued.toString()).isZero();
        assertThat(queued.out()).contains(" queued");

        // the test server has no workers: the run stays queued until the client-side timeout cancels it
        CliRun waited = CliRun.of(s.remote("workflows", "run", id, "--wait", "--timeout", "1s"));
        assertThat(waited.exitCode()).as(waited.toString()).isEqualTo(ExitCodes.CANCELED);
        assertThat(waited.err()).contains("timeout of 1s reached");
        assertThat(waited.out()).contains("status: " + WorkflowRunStatus.CANCELED.wireName());
    }

    @Test
    void update_stores_a_new_version_and_delete_removes_the_workflow() throws Exception {
        String id = create();
        Path file = Files.createTempFile("wait2", ".yaml");
        Files.writeString(file, WAIT.replace("title: pause", "title: pause longer"));

        CliRun updated = CliRun.of(s.remote("workflows", "update", id, "-f", file.toString()));
        assertThat(updated.exitCode()).as(updated.toString()).isZero();
        assertThat(updated.out()).contains(id + " updated (version 2");

        CliRun deleted = CliRun.of(s.local("workflows", "delete", id));
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        CliRun gone = CliRun.of(s.remote("workflows", "get", id));
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).contains("not found");

        CliRun missing = CliRun.of(s.local("workflows", "update", id, "-f", "/nope/missing.yaml"));
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("/nope/missing.yaml does not exist");
    }
}
