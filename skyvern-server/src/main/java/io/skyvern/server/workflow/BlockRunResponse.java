package io.skyvern.server.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.workflow.WorkflowRunBlock;

import java.time.Instant;

/**
 * The execution of one block within a run, on the wire. A navigation, task or login block also says
 * how it chose its actions ({@code run_mode}), the cache key it replayed or recorded under, and the
 * script and version it used or created (null until it ends, or when it recorded none).
 */
public record BlockRunResponse(String workflowRunBlockId, String blockId, String blockType, int order,
                               Integer loopIndex, String status, JsonNode output, String failureReason, String taskId,
                               long inputTokens, long outputTokens, double cost, Instant createdAt, Instant startedAt,
                               Instant completedAt, String runMode, String cacheKey, String scriptId,
                               Integer scriptVersion) {
    static BlockRunResponse of(WorkflowRunBlock b) {
        return new BlockRunResponse(b.workflowRunBlockId(), b.blockId(), b.blockType(), b.order(), b.loopIndex(),
                b.status(), b.output(), b.failureReason(), b.taskId(), b.inputTokens(), b.outputTokens(), b.cost(),
                b.createdAt(), b.startedAt(), b.completedAt(), b.runMode(), b.cacheKey(), b.scriptId(),
                b.scriptVersion());
    }
}
