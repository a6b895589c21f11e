package io.skyvern.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What to ask the model.
 *
 * @param model           a model that overrides the client's configured one; empty means the configured model
 * @param messages        the conversation; system messages may appear anywhere but are usually first
 * @param jsonOutput      ask the provider for a JSON-only answer where it supports that
 * @param maxOutputTokens upper bound of the answer's length
 * @param temperature     sampling temperature; empty means the provider's default
 */
public record LlmRequest(String model, List<LlmMessage> messages, boolean jsonOutput,
                         int maxOutputTokens, OptionalDouble temperature) {
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;

    public LlmRequest {
        model = model == null ? "" : model.trim();
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        temperature = temperature == null ? OptionalDouble.empty() : temperature;
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one message");
        }
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be positive, was " + maxOutputTokens);
        }
        if (temperature.isPresent() && (temperature.getAsDouble() < 0 || temperature.getAsDouble() > 2)) {
            throw new IllegalArgumentException("temperature must be within 0..2, was " + temperature.getAsDouble());
        }
    }

    public Optional<String> modelOverride() {
        return model.isEmpty() ? Optional.empty() : Optional.of(model);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request message by message. Not thread-safe. */
    public static final class Builder {
        private final List<LlmMessage> messages = new ArrayList<>();
        private String model = "";
        private boolean jsonOutput;
        private int maxOutputTokens = DEFAULT_MAX_OUTPUT_TOKENS;
        private OptionalDouble temperature = OptionalDouble.empty();

        private Builder() {
        }

        public Builder model(String value) {
            this.model = value;
            return this;
        }

        public Builder system(String text) {
            return message(LlmMessage.system(text));
        }

        public Builder user(String text, byte[]... pngImages) {
            return message(LlmMessage.user(text, pngImages));
        }

        public Builder assistant(String text) {
            return message(LlmMessage.assistant(text));
        }

        public Builder message(LlmMessage message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        public Builder jsonOutput(boolean value) {
            this.jsonOutput = value;
            return this;
        }

        public Builder maxOutputTokens(int value) {
            this.maxOutputTokens = value;
            return this;
        }

        public Builder temperature(double value) {
            this.temperature = OptionalDouble.of(value);
            return this;
        }

        public LlmRequest build() {
            return new LlmRequest(model, messages, jsonOutput, maxOutputTokens, temperature);
        }
    }
}
