package io.skyvern.task;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One turn of the agent loop: snapshot, LLM call, actions. Timings in milliseconds. */
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
        Instant completedAt) {
}
