package io.skyvern.server.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.workflow.WorkflowRunBlock;

import java.time.Instant;

/** The execution of one block within a run, on the wire. */
public record BlockRunResponse(String workflowRunBlockId, String blockId, String blockType, int order,
                               Integer loopIndex, String status, JsonNode output, String failureReason, String taskId,
                               long inputTokens, long outputTokens, double cost, Instant createdAt, Instant startedAt,
                               Instant completedAt) {
    static BlockRunResponse of(WorkflowRunBlock b) {
        return new BlockRunResponse(b.workflowRunBlockId(), b.blockId(), b.blockType(), b.order(), b.loopIndex(),
                b.status(), b.output(), b.failureReason(), b.taskId(), b.inputTokens(), b.outputTokens(), b.cost(),
                b.createdAt(), b.startedAt(), b.completedAt());
    }
}
