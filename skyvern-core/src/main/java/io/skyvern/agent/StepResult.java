package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;

/** The record of a finished step: status, failure, tokens, cost and where the time went. */
public record StepResult(boolean completed, String failureReason, long inputTokens, long outputTokens, double cost,
                         long llmMs, long snapshotMs, long actionMs, JsonNode output) {
}
