package io.skyvern.task;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * An action the agent took within a step and its result, as stored. {@code input} holds the
 * action's parameters (text, option, url, keys…) with secrets already replaced by placeholders.
 */
public record ActionRecord(
        String actionId,
        String stepId,
        String taskId,
        int order,
        String actionType,
        String elementId,
        String reasoning,
        JsonNode input,
        String status,
        String resultMessage,
        long durationMs,
        Instant createdAt) {
}
