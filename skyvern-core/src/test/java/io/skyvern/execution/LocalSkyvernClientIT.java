package io.skyvern.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.artifact.Artifact;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.artifact.NewArtifact;
import io.skyvern.client.BrowserSessionInfo;
import io.skyvern.client.SkyvernClient;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.ConfigKey;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import io.skyvern.task.TaskStatus;
import io.skyvern.workflow.StartRunRequest;
import io.skyvern.workflow.WorkflowRequest;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.skyvern.execution.ExecutionTestBed.act;
import static io.skyvern.execution.ExecutionTestBed.actions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-process client does everything the remote one does: sessions, artifact bytes, waiting for runs. */
class LocalSkyvernClientIT {

    @Test
    void browser_sessions_are_created_listed_and_closed_in_process_with_the_api_field_names() {
        try (ExecutionTestBed bed = ExecutionTestBed.start()) {
            SkyvernClient client = bed.skyvern.client(bed.org);
            BrowserSessionInfo created = client.createBrowserSession(15);

            assertThat(created.status()).isEqualTo("active");
            assertThat(created.timeoutMinutes()).isEqualTo(15);
            assertThat(created.raw().fieldNames()).toIterable().containsExactly("browser_session_id",
                    "organization_id", "status", "timeout_minutes", "current_run_id", "created_at", "modified_at",
                    "expires_at", "closed_at");
            assertThat(client.listBrowserSessions()).extracting(BrowserSessionInfo::browserSessionId)
                    .containsExactly(created.browserSessionId());
            assertThat(client.closeBrowserSession(created.browserSessionId()).status()).isEqualTo("closed");
            assertThat(client.getBrowserSession(created.browserSessionId()).closedAt()).isNotNull();
            assertThatThrownBy(() -> client.getBrowserSession("pbs_nope")).isInstanceOfSatisfying(
                    SkyvernException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BROWSER_SESSION_NOT_FOUND));
        }
    }

    @Test
    void artifact_content_is_read_in_process_and_another_organisations_is_not_found() {
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.WORKERS, "0"))) {
            SkyvernClient client = bed.skyvern.client(bed.org);
            Task task = client.createTask(CreateTaskRequest.builder(bed.site.url("/"), "Look").build());
            byte[] bytes = "the element tree".getBytes(StandardCharsets.UTF_8);
            Artifact artifact = bed.skyvern.artifacts().record(new NewArtifact(bed.org, task.taskId(), null, null,
                    null, ArtifactType.ELEMENT_TREE, bytes, null));

            assertThat(client.artifactContent(artifact.artifactId())).isEqualTo(bytes);
            String other = bed.skyvern.organizations().create("Other").organization().organizationId();
            assertThatThrownBy(() -> bed.skyvern.client(other).artifactContent(artifact.artifactId()))
                    .isInstanceOfSatisfying(SkyvernException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ARTIFACT_NOT_FOUND));
        }
    }

    @Test
    void run_task_completes_its_future_at_the_final_status() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start()) {
            bed.llm.reply(actions(act("complete")));
            SkyvernClient client = bed.skyvern.client(bed.org);

            Task done = client.runTask(CreateTaskRequest.builder(bed.site.url("/products"), "Look around").build())
                    .get(60, TimeUnit.SECONDS);

            assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(done.completedAt()).isNotNull();
            assertThat(client.awaitTask(done.taskId(), Duration.ofSeconds(5))).isEqualTo(done);
        }
    }

    @Test
    void await_task_that_stays_queued_is_task_not_finished_and_the_task_goes_on() {
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.WORKERS, "0"))) {
            SkyvernClient client = bed.skyvern.client(bed.org);
            Task task = client.createTask(CreateTaskRequest.builder(bed.site.url("/"), "Look").build());

            assertThatThrownBy(() -> client.awaitTask(task.taskId(), Duration.ofMillis(300)))
                    .isInstanceOfSatisfying(SkyvernException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.TASK_NOT_FINISHED);
                        assertThat(e.getMessage()).contains(task.taskId(), "queued");
                    });
            assertThat(client.findTask(task.taskId())).map(Task::status).contains(TaskStatus.QUEUED);
            assertThat(client.findTask("tsk_unknown")).isEmpty();
            assertThatThrownBy(() -> client.taskFinished("tsk_unknown").join())
                    .hasCauseInstanceOf(SkyvernException.class);
        }
    }

    @Test
    void run_workflow_completes_its_future_when_the_run_is_final() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.LLM_MODEL, ""))) {
            SkyvernClient client = bed.skyvern.client(bed.org);
            JsonNode definition = Json.mapper().readTree(
                    "{\"blocks\":[{\"id\":\"pause\",\"type\":\"wait\",\"parameters\":{\"seconds\":0.1}}]}");
            String id = client.createWorkflow(new WorkflowRequest("wait", null, definition, null, null))
                    .workflow().workflowId();

            WorkflowRun run = client.runWorkflow(id, new StartRunRequest(null, null, null, null, null))
                    .get(60, TimeUnit.SECONDS);

            assertThat(run.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
            assertThat(client.findWorkflow(id)).isPresent();
            assertThat(client.findWorkflow("wf_unknown")).isEmpty();
        }
    }

    @Test
    void the_test_bed_removes_its_temporary_data_dir() {
        ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.WORKERS, "0"));
        bed.close();
        assertThat(bed.dataDir).doesNotExist();
    }
}
