package io.skyvern.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.artifact.Artifact;
import io.skyvern.auth.ApiKey;
import io.skyvern.auth.CreatedApiKey;
import io.skyvern.auth.CreatedOrganization;
import io.skyvern.client.LocalSkyvernClient;
import io.skyvern.client.RemoteSkyvernClient;
import io.skyvern.client.SkyvernClient;
import io.skyvern.client.BrowserSessionInfo;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.PageRequest;
import io.skyvern.common.SkyvernException;
import io.skyvern.common.RunPriority;
import io.skyvern.task.CancelRequest;
import io.skyvern.task.CancelResult;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.StepDetails;
import io.skyvern.task.StepQuery;
import io.skyvern.task.Task;
import io.skyvern.task.TaskDetails;
import io.skyvern.task.TaskIncludes;
import io.skyvern.task.TaskQuery;
import io.skyvern.task.TaskStatus;
import io.skyvern.task.UpdateTaskRequest;
import io.skyvern.workflow.RunQuery;
import io.skyvern.workflow.SavedWorkflow;
import io.skyvern.workflow.StartRunRequest;
import io.skyvern.workflow.WorkflowDocuments;
import io.skyvern.workflow.WorkflowQuery;
import io.skyvern.workflow.WorkflowRequest;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunDetails;
import io.skyvern.workflow.WorkflowRunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every {@link RemoteSkyvernClient} operation against a real server, compared with what a
 * {@link LocalSkyvernClient} over the same database returns (and throws).
 */
class RemoteSkyvernClientIT {
    private static final String WORKFLOW = """
            title: Remote client
            description: parity
            workflow_definition:
              blocks:
                - id: nav
                  type: navigation
                  parameters:
                    url: https://a.test
                    navigation_goal: "sign up as {{ email }}"
            parameter_schema:
              type: object
              properties:
                email: {type: string}
              required: [email]
            """;
    private static CliTestServer s;
    private static RemoteSkyvernClient remote;
    private static LocalSkyvernClient local;

    @BeforeAll
    static void start() {
        s = CliTestServer.start();
        remote = RemoteSkyvernClient.connect(s.url(), s.apiKey);
        local = s.skyvern.client(s.organizationId);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void tasks_create_get_list_update_cancel_match_the_local_client() {
        ObjectNode payload = Json.mapper().createObjectNode().put("email", "a@b.test");
        ObjectNode schema = Json.mapper().createObjectNode().put("type", "object");
        Task created = remote.createTask(CreateTaskRequest.builder("https://shop.test/", "find the price")
                .title("price").dataExtractionGoal("the price").navigationPayload(payload)
                .extractedInformationSchema(schema).errorCodeMapping(Map.of("OUT", "sold out")).maxSteps(9)
                .priority(RunPriority.HIGH).build());
        assertThat(created.organizationId()).isEqualTo(s.organizationId);
        assertThat(created.priority()).isEqualTo(RunPriority.HIGH);
        assertThat(remote.getTask(created.taskId(), TaskIncludes.NONE).task())
                .isEqualTo(local.getTask(created.taskId(), TaskIncludes.NONE).task()).isEqualTo(created);

        Task updated = remote.updateTask(created.taskId(), new UpdateTaskRequest(null, "new title", null, null, null,
                null, null, null, 11));
        assertThat(updated).isEqualTo(local.getTask(created.taskId(), TaskIncludes.NONE).task());
        assertThat(updated.title()).isEqualTo("new title");
        assertThat(updated.maxSteps()).isEqualTo(11);

        TaskQuery query = TaskQuery.defaults().withSearch("find the price").withPage(new PageRequest(1, 5));
        assertThat(remote.listTasks(query)).isEqualTo(local.listTasks(query));
        TaskQuery queued = TaskQuery.defaults().withStatuses(List.of(TaskStatus.QUEUED));
        assertThat(remote.listTasks(queued).items()).extracting(Task::taskId).contains(created.taskId());

        CancelResult canceled = remote.cancelTask(created.taskId(), new CancelRequest("done", false));
        assertThat(canceled.task().status()).isEqualTo(TaskStatus.CANCELED);
        assertThat(canceled.task()).isEqualTo(local.getTask(created.taskId(), TaskIncludes.NONE).task());
        sameFailure(() -> remote.cancelTask(created.taskId(), CancelRequest.of("again")),
                () -> local.cancelTask(created.taskId(), CancelRequest.of("again")), ErrorCode.TASK_ALREADY_FINISHED);
        sameFailure(() -> remote.updateTask(created.taskId(), new UpdateTaskRequest(null, "x", null, null, null, null,
                        null, null, null)),
                () -> local.updateTask(created.taskId(), new UpdateTaskRequest(null, "x", null, null, null, null,
                        null, null, null)), ErrorCode.TASK_NOT_EDITABLE);
    }

    @Test
    void steps_artifacts_logs_and_analytics_match_the_local_client() {
        Task task = remote.createTask(CreateTaskRequest.builder("https://shop.test/", "recorded run").build());
        TaskDriver driver = new TaskDriver(s.repositories, s.organizationId);
        driver.transition(task.taskId(), TaskStatus.QUEUED, TaskStatus.RUNNING, null);
        driver.step(task.taskId(), 1, "https://shop.test/", "open it");
        driver.step(task.taskId(), 2, "https://shop.test/2", "read it");

        StepQuery withActions = new StepQuery(true, true, Set.of());
        List<StepDetails> remoteSteps = remote.taskSteps(task.taskId(), withActions);
        assertThat(remoteSteps).hasSize(2);
        assertThat(remoteSteps.get(0).actions()).extracting(a -> a.reasoning()).containsExactly("open it");
        // the wire has no storage uri: artifacts carry their content URL instead
        assertThat(remoteSteps.get(0).screenshots()).extracting(Artifact::uri)
                .containsExactly("/api/v1/artifacts/a_" + task.taskId() + "_1/content");
        List<StepDetails> localSteps = local.taskSteps(task.taskId(), withActions);
        for (int i = 0; i < 2; i++) {
            assertThat(remoteSteps.get(i).step()).isEqualTo(localSteps.get(i).step());
            assertThat(remoteSteps.get(i).actions()).isEqualTo(localSteps.get(i).actions());
            assertThat(remoteSteps.get(i).screenshots()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("uri")
                    .isEqualTo(localSteps.get(i).screenshots());
        }
        assertThat(remote.taskArtifacts(task.taskId())).usingRecursiveFieldByFieldElementComparatorIgnoringFields("uri")
                .isEqualTo(local.taskArtifacts(task.taskId())).hasSize(2);
        assertThat(remote.taskLogs(task.taskId())).isEqualTo(local.taskLogs(task.taskId()));

        TaskDetails details = remote.getTask(task.taskId(), TaskIncludes.ALL);
        TaskDetails localDetails = local.getTask(task.taskId(), TaskIncludes.ALL);
        assertThat(details.task()).isEqualTo(localDetails.task());
        assertThat(details.steps()).extracting(StepDetails::step)
                .isEqualTo(localDetails.steps().stream().map(StepDetails::step).toList());
        assertThat(details.artifacts()).hasSameSizeAs(localDetails.artifacts());
        assertThat(details.logs()).isEqualTo(localDetails.logs());

        assertThat(tree(remote.taskAnalytics(task.taskId()))).isEqualTo(tree(local.taskAnalytics(task.taskId())));
    }

    @Test
    void validation_and_not_found_errors_are_the_same_exceptions() {
        CreateTaskRequest bad = CreateTaskRequest.builder("not a url", "").maxSteps(0).build();
        SkyvernException r = sameFailure(() -> remote.createTask(bad), () -> local.createTask(bad), null);
        assertThat(r.errors()).isNotEmpty();
        sameFailure(() -> remote.getTask("tsk_missing", TaskIncludes.NONE),
                () -> local.getTask("tsk_missing", TaskIncludes.NONE), ErrorCode.TASK_NOT_FOUND);
        sameFailure(() -> remote.getWorkflow("wf_missing"), () -> local.getWorkflow("wf_missing"),
                ErrorCode.WORKFLOW_NOT_FOUND);
        sameFailure(() -> remote.revokeApiKey("ak_missing"), () -> local.revokeApiKey("ak_missing"),
                ErrorCode.API_KEY_NOT_FOUND);
    }

    @Test
    void workflows_and_runs_match_the_local_client() {
        WorkflowRequest request = WorkflowDocuments.parse(WORKFLOW, WorkflowDocuments.Format.YAML);
        SavedWorkflow saved = remote.createWorkflow(request);
        String id = saved.workflow().workflowId();
        assertThat(saved.validation().blockCount()).isEqualTo(1);
        assertThat(saved.validation().parameterCount()).isEqualTo(1);
        assertThat(remote.getWorkflow(id)).isEqualTo(local.getWorkflow(id)).isEqualTo(saved.workflow());
        SavedWorkflow v2 = remote.updateWorkflow(id, new WorkflowRequest("Remote client v2", "parity",
                request.workflowDefinition(), request.parameterSchema(), true));
        assertThat(v2.workflow().version()).isEqualTo(2);
        assertThat(local.getWorkflow(id)).isEqualTo(v2.workflow());
        WorkflowQuery query = new WorkflowQuery(Optional.of("Remote client"), Optional.empty(), PageRequest.first());
        assertThat(remote.listWorkflows(query)).isEqualTo(local.listWorkflows(query));

        ObjectNode params = Json.mapper().createObjectNode().put("email", "x@y.test");
        WorkflowRun run = remote.startWorkflowRun(id, new StartRunRequest(params, RunPriority.NORMAL, null, 5, null));
        WorkflowRunDetails localRun = local.getWorkflowRun(id, run.workflowRunId(), true, true);
        assertThat(run).isEqualTo(localRun.run());
        WorkflowRunDetails remoteRun = remote.getWorkflowRun(id, run.workflowRunId(), true, true);
        assertThat(remoteRun).isEqualTo(localRun);
        RunQuery runs = RunQuery.defaults();
        assertThat(remote.listWorkflowRuns(id, runs)).isEqualTo(local.listWorkflowRuns(id, runs));
        sameFailure(() -> remote.startWorkflowRun(id, new StartRunRequest(Json.mapper().createObjectNode(), null, null,
                        null, null)),
                () -> local.startWorkflowRun(id, new StartRunRequest(Json.mapper().createObjectNode(), null, null, null,
                        null)), null);

        WorkflowRun canceled = remote.cancelWorkflowRun(id, run.workflowRunId(), "stop");
        assertThat(canceled.status()).isEqualTo(WorkflowRunStatus.CANCELED);
        assertThat(canceled).isEqualTo(local.getWorkflowRun(id, run.workflowRunId(), false, false).run());
        sameFailure(() -> remote.cancelWorkflowRun(id, run.workflowRunId(), "again"),
                () -> local.cancelWorkflowRun(id, run.workflowRunId(), "again"), ErrorCode.WORKFLOW_RUN_ALREADY_FINISHED);
        assertThat(tree(remote.workflowAnalytics(id))).isEqualTo(tree(local.workflowAnalytics(id)));

        remote.deleteWorkflow(id);
        sameFailure(() -> remote.getWorkflow(id), () -> local.getWorkflow(id), ErrorCode.WORKFLOW_NOT_FOUND);
        WorkflowRequest invalid = new WorkflowRequest("bad", null, Json.mapper().createObjectNode().putArray("blocks"),
                null, null);
        sameFailure(() -> remote.createWorkflow(invalid), () -> local.createWorkflow(invalid), null);
    }

    @Test
    void organisation_and_keys_match_the_local_client() {
        assertThat(remote.me()).usingRecursiveComparison().ignoringFields("createdAt", "modifiedAt")
                .isEqualTo(local.me());
        assertThat(remote.me().createdAt()).isEqualTo(local.me().createdAt());
        CreatedApiKey key = remote.createApiKey("parity");
        assertThat(key.plaintextKey()).isNotBlank();
        assertThat(local.listApiKeys()).contains(key.apiKey());
        assertThat(remote.listApiKeys()).isEqualTo(local.listApiKeys());
        ApiKey revoked = remote.revokeApiKey(key.apiKey().apiKeyId());
        assertThat(revoked.isRevoked()).isTrue();
        assertThat(local.listApiKeys()).contains(revoked);

        CreatedOrganization org = remote.createOrganization("Parity Org");
        assertThat(org.organization().name()).isEqualTo("Parity Org");
        assertThat(org.firstKey().plaintextKey()).isNotBlank();
        SkyvernClient asOther = RemoteSkyvernClient.connect(s.url(), org.firstKey().plaintextKey());
        assertThat(asOther.me().organizationId()).isEqualTo(org.organization().organizationId());
        LocalSkyvernClient otherLocal = s.skyvern.client(org.organization().organizationId());
        sameFailure(() -> asOther.createOrganization("nested"), () -> otherLocal.createOrganization("nested"),
                ErrorCode.FORBIDDEN);
        // organisations are isolated: the other org cannot see this org's tasks
        Task mine = remote.createTask(CreateTaskRequest.builder("https://a.test", "isolation").build());
        sameFailure(() -> asOther.getTask(mine.taskId(), TaskIncludes.NONE),
                () -> otherLocal.getTask(mine.taskId(), TaskIncludes.NONE), ErrorCode.TASK_NOT_FOUND);
    }

    @Test
    void transport_and_authentication_failures_are_clear() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        SkyvernException down = catchThrowableOfType(SkyvernException.class,
                () -> RemoteSkyvernClient.connect(url, "k").me());
        assertThat(down.errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(down.getMessage()).startsWith("Cannot reach the Skyvern server at URL: " + url);

        SkyvernException unauthorized = catchThrowableOfType(SkyvernException.class,
                () -> RemoteSkyvernClient.connect(s.url(), "sk_wrong").listTasks(TaskQuery.defaults()));
        assertThat(unauthorized.errorCode()).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(unauthorized.getMessage()).isEqualTo("Invalid API key");

        SkyvernException badUrl = catchThrowableOfType(SkyvernException.class,
                () -> RemoteSkyvernClient.connect("localhost:8000", "k"));
        assertThat(badUrl.errorCode()).isEqualTo(ErrorCode.CONFIGURATION_ERROR);
    }

    @Test
    void artifact_content_and_browser_sessions_are_offered_in_both_modes_with_typed_not_found() {
        SkyvernException content = catchThrowableOfType(SkyvernException.class,
                () -> remote.artifactContent("a_missing"));
        assertThat(content.errorCode().httpStatus()).isEqualTo(404);
        SkyvernException session = catchThrowableOfType(SkyvernException.class,
                () -> remote.getBrowserSession("pbs_missing"));
        assertThat(session.errorCode().httpStatus()).isEqualTo(404);
        sameFailure(() -> remote.getBrowserSession("pbs_missing"), () -> local.getBrowserSession("pbs_missing"),
                ErrorCode.BROWSER_SESSION_NOT_FOUND);
        sameFailure(() -> remote.artifactContent("a_missing"), () -> local.artifactContent("a_missing"),
                ErrorCode.ARTIFACT_NOT_FOUND);
        String id = local.createBrowserSession(10).browserSessionId();
        assertThat(remote.listBrowserSessions()).extracting(BrowserSessionInfo::browserSessionId).contains(id);
        assertThat(tree(remote.getBrowserSession(id).raw())).isEqualTo(tree(local.getBrowserSession(id).raw()));
    }

    /** Both calls fail with the same code, message and errors; returns the remote one. */
    private static SkyvernException sameFailure(Executable remoteCall, Executable localCall, ErrorCode expected) {
        SkyvernException r = catchThrowableOfType(SkyvernException.class, remoteCall::execute);
        SkyvernException l = catchThrowableOfType(SkyvernException.class, localCall::execute);
        assertThat(r).as("remote call should fail").isNotNull();
        assertThat(l).as("local call should fail").isNotNull();
        assertThat(r.errorCode()).isEqualTo(l.errorCode());
        assertThat(r.getMessage()).isEqualTo(l.getMessage());
        assertThat(r.errors()).isEqualTo(l.errors());
        if (expected != null) {
            assertThat(r.errorCode()).isEqualTo(expected);
        }
        return r;
    }

    /** The value as JSON without its generation time, which differs between two calls. */
    private static JsonNode tree(Object value) {
        try {
            // through text, so that 2 (a long in-process) and 2 (an int off the wire) compare equal
            ObjectNode node = (ObjectNode) Json.mapper().readTree(Json.mapper().writeValueAsString(value));
            node.remove("generated_at");
            return node;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
