package io.skyvern.config;

import java.time.Duration;

/**
 * How to reach the LLM. {@link #isConfigured()} is false when no model is set. {@code prices}
 * overrides the built-in price table ({@code model=in/out;model2=in/out}, USD per million tokens);
 * empty means the built-in list prices.
 */
public record LlmConfig(String provider, String baseUrl, String apiKey, String model,
                        boolean vision, Duration timeout, String prices) {
    public LlmConfig {
        provider = provider == null ? "openai" : provider;
        baseUrl = baseUrl == null ? "" : baseUrl;
        apiKey = apiKey == null ? "" : apiKey;
        model = model == null ? "" : model;
        timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
        prices = prices == null ? "" : prices;
    }

    /** Without price overrides. */
    public LlmConfig(String provider, String baseUrl, String apiKey, String model,
                     boolean vision, Duration timeout) {
        this(provider, baseUrl, apiKey, model, vision, timeout, "");
    }

    public boolean isConfigured() {
        return !model.isBlank();
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "LlmConfig[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model
                + ", vision=" + vision + ", apiKey=" + (apiKey.isEmpty() ? "<none>" : "<set>") + "]";
    }
}
