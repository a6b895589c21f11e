package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.RunPriority;
import io.skyvern.task.LoginSettings;

import java.time.Instant;

/**
 * One execution of a workflow version. {@code output} maps block id to block output once run;
 * {@code login} is {@link LoginSettings#NONE} when none was given, and as read from the run table alone.
 */
public record WorkflowRun(String workflowRunId, String workflowId, int workflowVersion, String organizationId,
                          WorkflowRunStatus status, RunPriority priority, JsonNode parameters, JsonNode output,
                          String failureReason, String webhookCallbackUrl, Integer maxExecutionTimeMinutes,
                          String browserSessionId, Instant createdAt, Instant modifiedAt, Instant startedAt,
                          Instant completedAt, LoginSettings login) {
    public WorkflowRun {
        login = login == null ? LoginSettings.NONE : login;
    }

    /** A run as its own table stores it: the login settings, kept beside it, are attached on reads. */
    public WorkflowRun(String workflowRunId, String workflowId, int workflowVersion, String organizationId,
                       WorkflowRunStatus status, RunPriority priority, JsonNode parameters, JsonNode output,
                       String failureReason, String webhookCallbackUrl, Integer maxExecutionTimeMinutes,
                       String browserSessionId, Instant createdAt, Instant modifiedAt, Instant startedAt,
                       Instant completedAt) {
        this(workflowRunId, workflowId, workflowVersion, organizationId, status, priority, parameters, output,
                failureReason, webhookCallbackUrl, maxExecutionTimeMinutes, browserSessionId, createdAt, modifiedAt,
                startedAt, completedAt, LoginSettings.NONE);
    }

    /** This run with its login settings (where its blocks' one-time codes come from; never a code). */
    public WorkflowRun withLogin(LoginSettings value) {
        return new WorkflowRun(workflowRunId, workflowId, workflowVersion, organizationId, status, priority,
                parameters, output, failureReason, webhookCallbackUrl, maxExecutionTimeMinutes, browserSessionId,
                createdAt, modifiedAt, startedAt, completedAt, value);
    }
}
