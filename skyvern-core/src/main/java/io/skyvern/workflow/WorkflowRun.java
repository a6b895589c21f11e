package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.RunPriority;

import java.time.Instant;

/** One execution of a workflow version. {@code output} maps block id to block output once run. */
public record WorkflowRun(String workflowRunId, String workflowId, int workflowVersion, String organizationId,
                          WorkflowRunStatus status, RunPriority priority, JsonNode parameters, JsonNode output,
                          String failureReason, String webhookCallbackUrl, Integer maxExecutionTimeMinutes,
                          String browserSessionId, Instant createdAt, Instant modifiedAt, Instant startedAt,
                          Instant completedAt) {
}
