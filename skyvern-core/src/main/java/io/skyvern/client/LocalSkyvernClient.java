package io.skyvern.client;

import io.skyvern.artifact.Artifact;
import io.skyvern.auth.ApiKey;
import io.skyvern.auth.CreatedApiKey;
import io.skyvern.auth.CreatedOrganization;
import io.skyvern.auth.Organization;
import io.skyvern.auth.OrganizationService;
import io.skyvern.common.ErrorCode;
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

import java.util.List;
import java.util.Objects;

/**
 * {@link SkyvernClient} in-process: every call goes to the services with the bound organisation
 * id. Thread-safe (the services are).
 */
public final class LocalSkyvernClient implements SkyvernClient {
    private final io.skyvern.credential.CredentialService credentials;
    private final io.skyvern.totp.TotpCodeService totpCodes;
    private final String organizationId;
    private final OrganizationService organizations;
    private final TaskService tasks;
    private final WorkflowService workflows;

    public LocalSkyvernClient(String organizationId, OrganizationService organizations, TaskService tasks,
                              WorkflowService workflows) {
        this(organizationId, organizations, tasks, workflows, null, null);
    }

    /** With the credential store and pushed codes (null: those calls say they are not available). */
    public LocalSkyvernClient(String organizationId, OrganizationService organizations, TaskService tasks,
                              WorkflowService workflows, io.skyvern.credential.CredentialService credentials,
                              io.skyvern.totp.TotpCodeService totpCodes) {
        this.credentials = credentials;
        this.totpCodes = totpCodes;
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.organizations = Objects.requireNonNull(organizations, "organizations");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.workflows = Objects.requireNonNull(workflows, "workflows");
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
        if (totpCodes == null) {
            return SkyvernClient.super.pushTotpCode(totpIdentifier, code, content);
        }
        return totpCodes.push(organizationId, totpIdentifier, code, content);
    }

    private io.skyvern.credential.CredentialService credentials() {
        if (credentials == null) {
            SkyvernClient.super.listCredentials();
        }
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
}
