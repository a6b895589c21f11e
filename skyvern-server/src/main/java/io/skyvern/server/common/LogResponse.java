package io.skyvern.server.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.runlog.RunLog;

import java.time.Instant;

/** One execution log line on the wire. */
public record LogResponse(String logId, String taskId, String workflowRunId, String level, String message,
                          JsonNode data, Instant createdAt) {
    public static LogResponse of(RunLog l) {
        return new LogResponse(l.logId(), l.taskId(), l.workflowRunId(), l.level(), l.message(), l.data(),
                l.createdAt());
    }
}
