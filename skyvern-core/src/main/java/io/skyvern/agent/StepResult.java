package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The record of a finished step: status, failure, tokens, cost and where the time went, including
 * how long the snapshot waited for the page to settle and what it waited for.
 */
public record StepResult(boolean completed, String failureReason, long inputTokens, long outputTokens, double cost,
                         long llmMs, long snapshotMs, long actionMs, JsonNode output, long settleMs,
                         String settleWaitedFor) {
    public StepResult {
        settleWaitedFor = settleWaitedFor == null ? "" : settleWaitedFor;
    }

    public StepResult(boolean completed, String failureReason, long inputTokens, long outputTokens, double cost,
                      long llmMs, long snapshotMs, long actionMs, JsonNode output) {
        this(completed, failureReason, inputTokens, outputTokens, cost, llmMs, snapshotMs, actionMs, output, 0, "");
    }
}
