package io.skyvern.llm;

import java.util.Objects;

/**
 * The model's answer.
 *
 * @param text         the answer's text (may be empty when the model said nothing)
 * @param inputTokens  prompt tokens as reported by the provider (0 when it reports none)
 * @param outputTokens answer tokens as reported by the provider
 * @param cost         estimated cost in USD from the {@link LlmPriceTable}; 0 for unknown models
 * @param model        the model that answered (as the provider names it, else as requested)
 * @param latencyMs    wall time of the call including retries
 */
public record LlmResponse(String text, long inputTokens, long outputTokens, double cost,
                          String model, long latencyMs) {
    public LlmResponse {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(model, "model");
        if (inputTokens < 0 || outputTokens < 0 || cost < 0 || latencyMs < 0) {
            throw new IllegalArgumentException("token counts, cost and latency must not be negative");
        }
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
