package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** The execution of one block within a run (a loop body block runs once per item: loopIndex). */
public record WorkflowRunBlock(String workflowRunBlockId, String workflowRunId, String blockId, String blockType,
                               int order, Integer loopIndex, String status, JsonNode output, String failureReason,
                               String taskId, long inputTokens, long outputTokens, double cost, Instant createdAt,
                               Instant startedAt, Instant completedAt, String runMode, String cacheKey,
                               String scriptId, Integer scriptVersion) {
    /**
     * A block run without its replay record: a navigation, task or login block's run mode, cache key
     * and the script/version it used or recorded are kept apart (run_scripts) and added when read.
     */
    public WorkflowRunBlock(String workflowRunBlockId, String workflowRunId, String blockId, String blockType,
                            int order, Integer loopIndex, String status, JsonNode output, String failureReason,
                            String taskId, long inputTokens, long outputTokens, double cost, Instant createdAt,
                            Instant startedAt, Instant completedAt) {
        this(workflowRunBlockId, workflowRunId, blockId, blockType, order, loopIndex, status, output, failureReason,
                taskId, inputTokens, outputTokens, cost, createdAt, startedAt, completedAt, null, null, null, null);
    }

    public WorkflowRunBlock withScript(String mode, String key, String script, Integer version) {
        return new WorkflowRunBlock(workflowRunBlockId, workflowRunId, blockId, blockType, order, loopIndex, status,
                output, failureReason, taskId, inputTokens, outputTokens, cost, createdAt, startedAt, completedAt,
                mode, key, script, version);
    }
}
