package io.skyvern.client;

import io.skyvern.artifact.Artifact;
import io.skyvern.auth.ApiKey;
import io.skyvern.auth.CreatedApiKey;
import io.skyvern.auth.CreatedOrganization;
import io.skyvern.auth.Organization;
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

import java.util.List;

/**
 * Everything a user does, as one organisation. A client is bound to one organisation when it is
 * made (in-process: {@code Skyvern.client(orgId)}; remotely: by its API key), so no method takes
 * an organisation id, and another organisation's objects are simply not found.
 *
 * <p>Contract: failures are {@link io.skyvern.common.SkyvernException} with the specification's
 * {@link io.skyvern.common.ErrorCode} (e.g. {@code TASK_NOT_FOUND}, {@code VALIDATION_FAILED} with
 * every violation); invalid input writes nothing. Methods return non-null values and never null
 * collections. Local and remote implementations behave the same, apart from transport errors
 * ({@code SERVICE_UNAVAILABLE}) that only a remote client can raise.
 *
 * <p>Thread-safety: implementations are thread-safe and meant to be shared.
 */
public interface SkyvernClient {

    // ---- tasks ----

    /** Validates and queues a task; it runs when a worker is free. */
    Task createTask(CreateTaskRequest request);

    /** The task with the related records asked for, or TASK_NOT_FOUND. */
    TaskDetails getTask(String taskId, TaskIncludes includes);

    Page<Task> listTasks(TaskQuery query);

    /** Edits a task no worker has picked up yet, else TASK_NOT_EDITABLE. */
    Task updateTask(String taskId, UpdateTaskRequest request);

    /** Cancels a task; a finished one is TASK_ALREADY_FINISHED. */
    CancelResult cancelTask(String taskId, CancelRequest request);

    List<StepDetails> taskSteps(String taskId, StepQuery query);

    List<Artifact> taskArtifacts(String taskId);

    List<RunLog> taskLogs(String taskId);

    TaskAnalytics taskAnalytics(String taskId);

    // ---- workflows ----

    /** Validates (WORKFLOW_VALIDATION_FAILED with every error) and stores version 1. */
    SavedWorkflow createWorkflow(WorkflowRequest request);

    /** Stores a new version of the workflow. */
    SavedWorkflow updateWorkflow(String workflowId, WorkflowRequest request);

    /** The latest version, or WORKFLOW_NOT_FOUND. */
    Workflow getWorkflow(String workflowId);

    Page<Workflow> listWorkflows(WorkflowQuery query);

    /** Soft-deletes the workflow; its runs stay readable. */
    void deleteWorkflow(String workflowId);

    WorkflowRun startWorkflowRun(String workflowId, StartRunRequest request);

    WorkflowRunDetails getWorkflowRun(String workflowId, String runId, boolean includeBlocks, boolean includeLogs);

    Page<WorkflowRun> listWorkflowRuns(String workflowId, RunQuery query);

    /** Cancels a run; a finished one is WORKFLOW_RUN_ALREADY_FINISHED. */
    WorkflowRun cancelWorkflowRun(String workflowId, String runId, String reason);

    WorkflowAnalytics workflowAnalytics(String workflowId);

    // ---- organisation ----

    /** The organisation this client acts as. */
    Organization me();

    /** A new key; the plaintext is in the result this once and can never be read again. */
    CreatedApiKey createApiKey(String name);

    /** This organisation's keys (metadata only), revoked ones included. */
    List<ApiKey> listApiKeys();

    /** Revokes one of this organisation's keys, else API_KEY_NOT_FOUND. */
    ApiKey revokeApiKey(String apiKeyId);

    /** A new organisation with its first key; only the bootstrap organisation may (else FORBIDDEN). */
    CreatedOrganization createOrganization(String name);

    // ---- artifacts and browser sessions ----
    // Default bodies: implementations that do not offer these yet say so with SERVICE_UNAVAILABLE
    // rather than failing to compile while the services are being added.

    /** The stored bytes of one of this organisation's artifacts, or ARTIFACT_NOT_FOUND. */
    default byte[] artifactContent(String artifactId) {
        throw notAvailable("Artifact content");
    }

    /** Opens a persistent browser session that closes itself after {@code timeoutMinutes} idle. */
    default BrowserSessionInfo createBrowserSession(Integer timeoutMinutes) {
        throw notAvailable("Browser sessions");
    }

    default List<BrowserSessionInfo> listBrowserSessions() {
        throw notAvailable("Browser sessions");
    }

    default BrowserSessionInfo getBrowserSession(String browserSessionId) {
        throw notAvailable("Browser sessions");
    }

    default BrowserSessionInfo closeBrowserSession(String browserSessionId) {
        throw notAvailable("Browser sessions");
    }

    // ---- logins ----

    /** Stores a credential (secrets encrypted at rest); the result is metadata only. */
    default io.skyvern.credential.Credential createCredential(io.skyvern.credential.NewCredential credential) {
        throw notAvailable("Credentials");
    }

    /** This organisation's credentials, metadata only. */
    default List<io.skyvern.credential.Credential> listCredentials() {
        throw notAvailable("Credentials");
    }

    /** Deletes one (CREDENTIAL_NOT_FOUND otherwise); queued tasks that name it fail. */
    default void deleteCredential(String credentialId) {
        throw notAvailable("Credentials");
    }

    /** Pushes a one-time code ({@code code}, or the message text as {@code content}) for an identifier. */
    default io.skyvern.totp.PushedCode pushTotpCode(String totpIdentifier, String code, String content) {
        throw notAvailable("One-time codes");
    }

    private static SkyvernException notAvailable(String what) {
        return new SkyvernException(ErrorCode.SERVICE_UNAVAILABLE, what + " are not available in this client yet");
    }
}
