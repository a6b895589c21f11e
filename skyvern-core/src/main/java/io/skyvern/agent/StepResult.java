package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The record of a finished step: status, failure, tokens, cost and where the time went, including
 * how long the snapshot waited for the page to settle and what it waited for. {@code stopped}: the
 * run was stopped (canceled, out of time) while the step was open, so the step did not fail, it
 * was cut short.
 */
public record StepResult(boolean completed, String failureReason, long inputTokens, long outputTokens, double cost,
                         long llmMs, long snapshotMs, long actionMs, JsonNode output, long settleMs,
                         String settleWaitedFor, boolean stopped) {
    public StepResult {
        settleWaitedFor = settleWaitedFor == null ? "" : settleWaitedFor;
    }

    public StepResult(boolean completed, String failureReason, long inputTokens, long outputTokens, double cost,
                      long llmMs, long snapshotMs, long actionMs, JsonNode output, long settleMs,
                      String settleWaitedFor) {
        this(completed, failureReason, inputTokens, outputTokens, cost, llmMs, snapshotMs, actionMs, output, settleMs,
                settleWaitedFor, false);
    }

    public StepResult(boolean completed, String failureReason, long inputTokens, long outputTokens, double cost,
                      long llmMs, long snapshotMs, long actionMs, JsonNode output) {
        this(completed, failureReason, inputTokens, outputTokens, cost, llmMs, snapshotMs, actionMs, output, 0, "");
    }
}
