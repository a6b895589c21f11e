package io.skyvern.workflow.engine;

/** LLM tokens and cost spent by one block run. */
public record BlockUsage(long inputTokens, long outputTokens, double cost) {
    public static final BlockUsage NONE = new BlockUsage(0, 0, 0);

    public BlockUsage plus(BlockUsage other) {
        return new BlockUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, cost + other.cost);
    }
}
