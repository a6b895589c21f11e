package io.skyvern.agent;

/** Totals of one agent run. Immutable; {@link #plus} adds one LLM call or one step. */
public record AgentUsage(int steps, long inputTokens, long outputTokens, double cost) {
    public static final AgentUsage ZERO = new AgentUsage(0, 0, 0, 0);

    public AgentUsage plus(long in, long out, double addedCost) {
        return new AgentUsage(steps, inputTokens + in, outputTokens + out, cost + addedCost);
    }

    public AgentUsage plusStep() {
        return new AgentUsage(steps + 1, inputTokens, outputTokens, cost);
    }
}
