package io.skyvern.client;

import io.skyvern.artifact.Artifact;
import io.skyvern.auth.ApiKey;
import io.skyvern.auth.CreatedApiKey;
import io.skyvern.auth.CreatedOrganization;
import io.skyvern.auth.Organization;
import io.skyvern.common.Page;
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

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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

    /** The task, or empty when this organisation has no such task. */
    default Optional<Task> findTask(String taskId) {
        try {
            return Optional.of(getTask(taskId, TaskIncludes.NONE).task());
        } catch (SkyvernException e) {
            if (e.errorCode() == ErrorCode.TASK_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // ---- waiting for runs ----

    /**
     * The task once it reaches a final status (completed, failed, terminated, canceled, timed_out).
     * In-process the future completes as soon as the worker is done with the task; a remote client
     * polls with a growing delay (up to 2 s). The future fails with TASK_NOT_FOUND for an unknown
     * id. Cancelling the future stops the waiting only: to stop the task, use {@link #cancelTask}.
     */
    CompletableFuture<Task> taskFinished(String taskId);

    /** Creates the task and returns a future of it at its final status ({@link #taskFinished}). */
    default CompletableFuture<Task> runTask(CreateTaskRequest request) {
        return taskFinished(createTask(request).taskId());
    }

    /**
     * Blocks until the task is final and returns it; when {@code timeout} passes first, throws
     * TASK_NOT_FINISHED with the status it has (the task goes on).
     */
    default Task awaitTask(String taskId, Duration timeout) {
        return RunWatch.await(taskFinished(taskId), timeout, () -> getTask(taskId, TaskIncludes.NONE).task(),
                t -> new SkyvernException(ErrorCode.TASK_NOT_FINISHED, "Task " + taskId + " is still "
                        + t.status().wireName() + " after " + timeout));
    }

    /** The workflow run once it reaches a final status; as {@link #taskFinished} for tasks. */
    CompletableFuture<WorkflowRun> workflowRunFinished(String workflowId, String runId);

    /** Starts a run and returns a future of it at its final status. */
    default CompletableFuture<WorkflowRun> runWorkflow(String workflowId, StartRunRequest request) {
        return workflowRunFinished(workflowId, startWorkflowRun(workflowId, request).workflowRunId());
    }

    /** Blocks until the run is final; after {@code timeout}, WORKFLOW_RUN_NOT_FINISHED (the run goes on). */
    default WorkflowRun awaitWorkflowRun(String workflowId, String runId, Duration timeout) {
        return RunWatch.await(workflowRunFinished(workflowId, runId), timeout,
                () -> getWorkflowRun(workflowId, runId, false, false).run(),
                r -> new SkyvernException(ErrorCode.WORKFLOW_RUN_NOT_FINISHED, "Workflow run " + runId
                        + " is still " + r.status().wireName() + " after " + timeout));
    }

    // ---- workflows ----

    /** Validates (WORKFLOW_VALIDATION_FAILED with every error) and stores version 1. */
    SavedWorkflow createWorkflow(WorkflowRequest request);

    /** Stores a new version of the workflow. */
    SavedWorkflow updateWorkflow(String workflowId, WorkflowRequest request);

    /** The latest version, or WORKFLOW_NOT_FOUND. */
    Workflow getWorkflow(String workflowId);

    /** The latest version, or empty when this organisation has no such workflow. */
    default Optional<Workflow> findWorkflow(String workflowId) {
        try {
            return Optional.of(getWorkflow(workflowId));
        } catch (SkyvernException e) {
            if (e.errorCode() == ErrorCode.WORKFLOW_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

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

    /** The stored bytes of one of this organisation's artifacts, or ARTIFACT_NOT_FOUND. */
    byte[] artifactContent(String artifactId);

    /**
     * Opens a persistent browser session that closes itself after {@code timeoutMinutes} idle
     * (null: the default, 60).
     */
    BrowserSessionInfo createBrowserSession(Integer timeoutMinutes);

    /** This organisation's browser sessions, newest first, closed ones included. */
    List<BrowserSessionInfo> listBrowserSessions();

    /** One session, or BROWSER_SESSION_NOT_FOUND. */
    BrowserSessionInfo getBrowserSession(String browserSessionId);

    /** Closes a session (idempotent), or BROWSER_SESSION_NOT_FOUND. */
    BrowserSessionInfo closeBrowserSession(String browserSessionId);

    // ---- logins ----

    /** Stores a credential (secrets encrypted at rest); the result is metadata only. */
    io.skyvern.credential.Credential createCredential(io.skyvern.credential.NewCredential credential);

    /** This organisation's credentials, metadata only. */
    List<io.skyvern.credential.Credential> listCredentials();

    /** Deletes one (CREDENTIAL_NOT_FOUND otherwise); queued tasks that name it fail. */
    void deleteCredential(String credentialId);

    /** Pushes a one-time code ({@code code}, or the message text as {@code content}) for an identifier. */
    io.skyvern.totp.PushedCode pushTotpCode(String totpIdentifier, String code, String content);

    // ---- replay scripts ----

    /** This organisation's replay scripts, newest first. */
    Page<io.skyvern.script.Script> listScripts(io.skyvern.common.PageRequest page);

    /** A script with its versions (steps, actions, element descriptors), or SCRIPT_NOT_FOUND. */
    io.skyvern.script.ScriptDetails getScript(String scriptId);

    /** Deletes a script and its versions, or SCRIPT_NOT_FOUND. */
    void deleteScript(String scriptId);

    /** The task's script as a standalone Playwright-for-Java program (TASK_NOT_FOUND, SCRIPT_NOT_FOUND). */
    String exportTaskAsJava(String taskId);
}
