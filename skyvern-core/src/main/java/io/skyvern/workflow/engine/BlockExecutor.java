package io.skyvern.workflow.engine;

import io.skyvern.workflow.block.Block;

/**
 * Runs one leaf block (everything but loop and condition, which the engine handles as graph
 * structure). Implementations must be thread-safe; all per-run state comes in {@code invocation}.
 */
@FunctionalInterface
public interface BlockExecutor {
    BlockOutcome execute(Block block, BlockInvocation invocation);
}
