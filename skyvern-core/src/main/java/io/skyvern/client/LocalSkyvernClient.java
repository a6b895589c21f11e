package io.skyvern.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.artifact.Artifact;
import io.skyvern.artifact.ArtifactService;
import io.skyvern.auth.ApiKey;
import io.skyvern.auth.CreatedApiKey;
import io.skyvern.auth.CreatedOrganization;
import io.skyvern.auth.Organization;
import io.skyvern.auth.OrganizationService;
import io.skyvern.browsersession.BrowserSessionService;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.Page;
import io.skyvern.common.SkyvernException;
import io.skyvern.runlog.RunLog;
import io.skyvern.task.CancelRequest;
import io.skyvern.task.CancelResult;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.StepDetails;
import io.skyvern.task.StepQuery;
import io.skyvern.task.Task;
import io.skyvern.task.TaskAnalytics;
import io.skyvern.task.TaskDetails;
import io.skyvern.task.TaskIncludes;
import io.skyvern.task.TaskQuery;
import io.skyvern.task.TaskService;
import io.skyvern.task.UpdateTaskRequest;
import io.skyvern.workflow.RunQuery;
import io.skyvern.workflow.SavedWorkflow;
import io.skyvern.workflow.StartRunRequest;
import io.skyvern.workflow.Workflow;
import io.skyvern.workflow.WorkflowAnalytics;
import io.skyvern.workflow.WorkflowQuery;
import io.skyvern.workflow.WorkflowRequest;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunDetails;
import io.skyvern.workflow.WorkflowService;

import io.skyvern.queue.RunEndSignals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@link SkyvernClient} in-process: every call goes to the services with the bound organisation
 * id. Thread-safe (the services are).
 */
public final class LocalSkyvernClient implements SkyvernClient {
    /** The safety-net poll of a wait; the usual wake-up is the worker's signal. */
    private static final Duration POLL = Duration.ofSeconds(1);
    private final io.skyvern.credential.CredentialService credentials;
    private final io.skyvern.totp.TotpCodeService totpCodes;
    private final String organizationId;
    private final OrganizationService organizations;
    private final TaskService tasks;
    private final WorkflowService workflows;
    private final ArtifactService artifacts;
    private final BrowserSessionService browserSessions;
    private final RunEndSignals runEnds;
    private final io.skyvern.script.ScriptService scripts;
    private final io.skyvern.runlist.RunListRepository runList;

    public LocalSkyvernClient(String organizationId, OrganizationService organizations, TaskService tasks,
                              WorkflowService workflows, ArtifactService artifacts,
                              BrowserSessionService browserSessions, RunEndSignals runEnds,
                              io.skyvern.credential.CredentialService credentials,
                              io.skyvern.totp.TotpCodeService totpCodes, io.skyvern.script.ScriptService scripts,
                              io.skyvern.runlist.RunListRepository runList) {
        this.runList = Objects.requireNonNull(runList, "runList");
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.totpCodes = Objects.requireNonNull(totpCodes, "totpCodes");
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.organizations = Objects.requireNonNull(organizations, "organizations");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.workflows = Objects.requireNonNull(workflows, "workflows");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.browserSessions = Objects.requireNonNull(browserSessions, "browserSessions");
        this.runEnds = Objects.requireNonNull(runEnds, "runEnds");
    }

    /**
     * Tasks and workflow runs of this organisation in one list, newest first, paginated by the
     * database. In-process only (the dashboard's runs page): the REST API lists each kind apart.
     */
    public io.skyvern.common.Page<io.skyvern.runlist.RunSummary> listRuns(io.skyvern.runlist.RunListQuery query) {
        return runList.list(organizationId, query);
    }

    @Override
    public io.skyvern.credential.Credential createCredential(io.skyvern.credential.NewCredential credential) {
        return credentials().create(organizationId, credential);
    }

    @Override
    public List<io.skyvern.credential.Credential> listCredentials() {
        return credentials().list(organizationId);
    }

    @Override
    public void deleteCredential(String credentialId) {
        credentials().delete(organizationId, credentialId);
    }

    @Override
    public io.skyvern.totp.PushedCode pushTotpCode(String totpIdentifier, String code, String content) {
        return totpCodes.push(organizationId, totpIdentifier, code, content);
    }

    private io.skyvern.credential.CredentialService credentials() {
        return credentials;
    }

    public String organizationId() {
        return organizationId;
    }

    @Override
    public Task createTask(CreateTaskRequest request) {
        return tasks.create(organizationId, request);
    }

    @Override
    public TaskDetails getTask(String taskId, TaskIncludes includes) {
        return tasks.getDetails(organizationId, taskId, includes);
    }

    @Override
    public Page<Task> listTasks(TaskQuery query) {
        return tasks.list(organizationId, query);
    }

    @Override
    public Task updateTask(String taskId, UpdateTaskRequest request) {
        return tasks.update(organizationId, taskId, request);
    }

    @Override
    public CancelResult cancelTask(String taskId, CancelRequest request) {
        return tasks.cancel(organizationId, taskId, request);
    }

    @Override
    public List<StepDetails> taskSteps(String taskId, StepQuery query) {
        return tasks.steps(organizationId, taskId, query);
    }

    @Override
    public List<Artifact> taskArtifacts(String taskId) {
        return tasks.artifacts(organizationId, taskId);
    }

    @Override
    public List<RunLog> taskLogs(String taskId) {
        return tasks.logs(organizationId, taskId);
    }

    @Override
    public TaskAnalytics taskAnalytics(String taskId) {
        return tasks.analytics(organizationId, taskId);
    }

    /**
     * Listens to the run: a worker of this Skyvern finishing the task wakes the watch at once; a
     * read every second covers the other ways a task ends (a cancel while queued, another node).
     */
    @Override
    public CompletableFuture<Task> taskFinished(String taskId) {
        return listen(taskId, () -> tasks.get(organizationId, taskId), t -> t.status().isFinal());
    }

    @Override
    public CompletableFuture<WorkflowRun> workflowRunFinished(String workflowId, String runId) {
        return listen(runId, () -> workflows.getRun(organizationId, workflowId, runId, false, false).run(),
                r -> r.status().isFinal());
    }

    private <T> CompletableFuture<T> listen(String runId, Supplier<T> read, Predicate<T> isFinal) {
        RunWatch<T> watch = RunWatch.create(read, isFinal, POLL, POLL);
        Runnable wake = watch::wake;
        runEnds.subscribe(runId, wake);
        watch.future().whenComplete((value, error) -> runEnds.unsubscribe(runId, wake));
        return watch.begin().future();
    }

    @Override
    public SavedWorkflow createWorkflow(WorkflowRequest request) {
        return workflows.create(organizationId, request);
    }

    @Override
    public SavedWorkflow updateWorkflow(String workflowId, WorkflowRequest request) {
        return workflows.update(organizationId, workflowId, request);
    }

    @Override
    public Workflow getWorkflow(String workflowId) {
        return workflows.get(organizationId, workflowId);
    }

    @Override
    public Page<Workflow> listWorkflows(WorkflowQuery query) {
        return workflows.list(organizationId, query);
    }

    @Override
    public void deleteWorkflow(String workflowId) {
        workflows.delete(organizationId, workflowId);
    }

    @Override
    public WorkflowRun startWorkflowRun(String workflowId, StartRunRequest request) {
        return workflows.startRun(organizationId, workflowId, request);
    }

    @Override
    public WorkflowRunDetails getWorkflowRun(String workflowId, String runId, boolean includeBlocks, boolean includeLogs) {
        return workflows.getRun(organizationId, workflowId, runId, includeBlocks, includeLogs);
    }

    @Override
    public Page<WorkflowRun> listWorkflowRuns(String workflowId, RunQuery query) {
        return workflows.listRuns(organizationId, workflowId, query);
    }

    @Override
    public WorkflowRun cancelWorkflowRun(String workflowId, String runId, String reason) {
        return workflows.cancelRun(organizationId, workflowId, runId, reason);
    }

    @Override
    public WorkflowAnalytics workflowAnalytics(String workflowId) {
        return workflows.analytics(organizationId, workflowId);
    }

    @Override
    public Organization me() {
        return organizations.get(organizationId);
    }

    @Override
    public CreatedApiKey createApiKey(String name) {
        return organizations.createApiKey(organizationId, name);
    }

    @Override
    public List<ApiKey> listApiKeys() {
        return organizations.listApiKeys(organizationId);
    }

    @Override
    public ApiKey revokeApiKey(String apiKeyId) {
        return organizations.revokeApiKey(organizationId, apiKeyId);
    }

    /** The same rule as the server's: only the bootstrap organisation creates organisations. */
    @Override
    public CreatedOrganization createOrganization(String name) {
        if (!organizations.get(organizationId).bootstrap()) {
            throw new SkyvernException(ErrorCode.FORBIDDEN, "Only the bootstrap organisation may create organisations");
        }
        if (name == null || name.isBlank()) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR, "name: Field required");
        }
        return organizations.create(name.trim());
    }

    @Override
    public byte[] artifactContent(String artifactId) {
        try (InputStream in = artifacts.openContent(organizationId, artifactId)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading artifact " + artifactId + " failed", e);
        }
    }

    @Override
    public BrowserSessionInfo createBrowserSession(Integer timeoutMinutes) {
        return wire(browserSessions.create(organizationId, timeoutMinutes));
    }

    @Override
    public List<BrowserSessionInfo> listBrowserSessions() {
        return browserSessions.list(organizationId).stream().map(LocalSkyvernClient::wire).toList();
    }

    @Override
    public BrowserSessionInfo getBrowserSession(String browserSessionId) {
        return wire(browserSessions.get(organizationId, browserSessionId));
    }

    @Override
    public BrowserSessionInfo closeBrowserSession(String browserSessionId) {
        return wire(browserSessions.close(organizationId, browserSessionId));
    }

    /** The same fields, names and shapes as the REST API's answer, so {@code --json} is one format. */
    private static BrowserSessionInfo wire(io.skyvern.browsersession.BrowserSessionInfo s) {
        ObjectNode raw = Json.mapper().createObjectNode();
        raw.put("browser_session_id", s.browserSessionId());
        raw.put("organization_id", s.organizationId());
        raw.put("status", s.status());
        raw.put("timeout_minutes", s.timeoutMinutes());
        raw.put("current_run_id", s.currentRunId());
        raw.set("created_at", Json.mapper().valueToTree(s.createdAt()));
        raw.set("modified_at", Json.mapper().valueToTree(s.modifiedAt()));
        raw.set("expires_at", Json.mapper().valueToTree(s.expiresAt()));
        raw.set("closed_at", Json.mapper().valueToTree(s.closedAt()));
        return new BrowserSessionInfo(s.browserSessionId(), s.status(), s.timeoutMinutes(), s.createdAt(),
                s.closedAt(), raw);
    }

    @Override
    public Page<io.skyvern.script.Script> listScripts(io.skyvern.common.PageRequest page) {
        return scripts.list(organizationId, page);
    }

    @Override
    public io.skyvern.script.ScriptDetails getScript(String scriptId) {
        return scripts.get(organizationId, scriptId);
    }

    @Override
    public void deleteScript(String scriptId) {
        scripts.delete(organizationId, scriptId);
    }

    @Override
    public String exportTaskAsJava(String taskId) {
        Task task = tasks.get(organizationId, taskId);
        return scripts.exportJava(organizationId, task.taskId(), task.url(), task.navigationPayload());
    }
}
