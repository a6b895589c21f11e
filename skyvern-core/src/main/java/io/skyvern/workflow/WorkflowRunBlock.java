package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** The execution of one block within a run (a loop body block runs once per item: loopIndex). */
public record WorkflowRunBlock(String workflowRunBlockId, String workflowRunId, String blockId, String blockType,
                               int order, Integer loopIndex, String status, JsonNode output, String failureReason,
                               String taskId, long inputTokens, long outputTokens, double cost, Instant createdAt,
                               Instant startedAt, Instant completedAt) {
}
