package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The record of a finished step: status, failure, tokens, cost and where the time went, including
 * how long the snapshot waited for the page to settle and what it waited for, and how its actions
 * were chosen ({@link #AGENT}, {@link #REPLAYED} from a script, or {@link #HEALED}). {@code stopped}:
 * the run was stopped (canceled, out of time) while the step was open, so the step did not fail, it
 * was cut short. {@code imageBytes}: the bytes of the images sent to the model (0 without vision).
 */
public record StepResult(boolean completed, String failureReason, long inputTokens, long outputTokens, double cost,
                         long llmMs, long snapshotMs, long actionMs, JsonNode output, long settleMs,
                         String settleWaitedFor, boolean stopped, String mode, long imageBytes) {
    /** The step's actions came from the model. */
    public static final String AGENT = "agent";
    /** The step's actions came from a script, without the model. */
    public static final String REPLAYED = "replayed";
    /** A script step could not be replayed; the model chose this step's actions. */
    public static final String HEALED = "healed";

    public StepResult {
        settleWaitedFor = settleWaitedFor == null ? "" : settleWaitedFor;
        mode = mode == null ? AGENT : mode;
    }

    public StepResult(boolean completed, String failureReason, long inputTokens, long outputTokens, double cost,
                      long llmMs, long snapshotMs, long actionMs, JsonNode output, long settleMs,
                      String settleWaitedFor, boolean stopped, String mode) {
        this(completed, failureReason, inputTokens, outputTokens, cost, llmMs, snapshotMs, actionMs, output, settleMs,
                settleWaitedFor, stopped, mode, 0);
    }

    public StepResult(boolean completed, String failureReason, long inputTokens, long outputTokens, double cost,
                      long llmMs, long snapshotMs, long actionMs, JsonNode output, long settleMs,
                      String settleWaitedFor) {
        this(completed, failureReason, inputTokens, outputTokens, cost, llmMs, snapshotMs, actionMs, output, settleMs,
                settleWaitedFor, false, AGENT);
    }

    public StepResult(boolean completed, String failureReason, long inputTokens, long outputTokens, double cost,
                      long llmMs, long snapshotMs, long actionMs, JsonNode output) {
        this(completed, failureReason, inputTokens, outputTokens, cost, llmMs, snapshotMs, actionMs, output, 0, "");
    }
}
