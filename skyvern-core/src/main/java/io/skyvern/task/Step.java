package io.skyvern.task;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One turn of the agent loop: snapshot, LLM call, actions. Timings in milliseconds; {@code settleMs}
 * is the part of {@code snapshotMs} spent waiting for the page to settle, {@code settleWaitedFor}
 * what it waited for; {@code imageBytes} the bytes of the images sent to the model in the step.
 */
public record Step(
        String stepId,
        String taskId,
        String organizationId,
        int order,
        int retryIndex,
        StepStatus status,
        String url,
        JsonNode output,
        String failureReason,
        long inputTokens,
        long outputTokens,
        double cost,
        long llmMs,
        long snapshotMs,
        long actionMs,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        long settleMs,
        String settleWaitedFor,
        long imageBytes,
        String mode) {

    /** How a step ran: the model chose its actions. */
    public static final String AGENT = "agent";

    public Step {
        settleWaitedFor = settleWaitedFor == null ? "" : settleWaitedFor;
        mode = mode == null ? AGENT : mode;
    }

    /**
     * A step whose mode (agent, replayed, healed) is kept apart (step_modes) and added by
     * {@link TaskService} when read: an agent step until then.
     */
    public Step(String stepId, String taskId, String organizationId, int order, int retryIndex, StepStatus status,
                String url, JsonNode output, String failureReason, long inputTokens, long outputTokens, double cost,
                long llmMs, long snapshotMs, long actionMs, Instant createdAt, Instant startedAt, Instant completedAt,
                long settleMs, String settleWaitedFor) {
        this(stepId, taskId, organizationId, order, retryIndex, status, url, output, failureReason, inputTokens,
                outputTokens, cost, llmMs, snapshotMs, actionMs, createdAt, startedAt, completedAt, settleMs,
                settleWaitedFor, 0L, AGENT);
    }

    /**
     * A step as its own table stores it, with the bytes of the images it sent the model; its mode is
     * added on reads.
     */
    public Step(String stepId, String taskId, String organizationId, int order, int retryIndex, StepStatus status,
                String url, JsonNode output, String failureReason, long inputTokens, long outputTokens, double cost,
                long llmMs, long snapshotMs, long actionMs, Instant createdAt, Instant startedAt, Instant completedAt,
                long settleMs, String settleWaitedFor, long imageBytes) {
        this(stepId, taskId, organizationId, order, retryIndex, status, url, output, failureReason, inputTokens,
                outputTokens, cost, llmMs, snapshotMs, actionMs, createdAt, startedAt, completedAt, settleMs,
                settleWaitedFor, imageBytes, AGENT);
    }

    public Step withMode(String value) {
        return new Step(stepId, taskId, organizationId, order, retryIndex, status, url, output, failureReason,
                inputTokens, outputTokens, cost, llmMs, snapshotMs, actionMs, createdAt, startedAt, completedAt,
                settleMs, settleWaitedFor, imageBytes, value);
    }

    /** A step without settle timings (not started, abandoned, or recorded before they existed). */
    public Step(String stepId, String taskId, String organizationId, int order, int retryIndex, StepStatus status,
                String url, JsonNode output, String failureReason, long inputTokens, long outputTokens, double cost,
                long llmMs, long snapshotMs, long actionMs, Instant createdAt, Instant startedAt, Instant completedAt) {
        this(stepId, taskId, organizationId, order, retryIndex, status, url, output, failureReason, inputTokens,
                outputTokens, cost, llmMs, snapshotMs, actionMs, createdAt, startedAt, completedAt, 0, "");
    }
}
