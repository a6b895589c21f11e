package io.skyvern.runlog;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One line of a task's or workflow run's execution log, as shown by the logs endpoints. */
public record RunLog(
        String logId,
        String organizationId,
        String taskId,
        String workflowRunId,
        String level,
        String message,
        JsonNode data,
        Instant createdAt) {
}
