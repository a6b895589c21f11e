package io.skyvern.config;

import java.time.Duration;

/**
 * How to reach the LLM. {@link #isConfigured()} is false when no model is set. {@code prices}
 * overrides the built-in price table ({@code model=in/out;model2=in/out}, USD per million tokens);
 * empty means the built-in list prices. {@code verifyCompletion}: a {@code complete} answer is checked
 * by one more model call before the run completes.
 */
public record LlmConfig(String provider, String baseUrl, String apiKey, String model,
                        boolean vision, Duration timeout, String prices, boolean verifyCompletion) {
    public LlmConfig {
        provider = provider == null ? "openai" : provider;
        baseUrl = baseUrl == null ? "" : baseUrl;
        apiKey = apiKey == null ? "" : apiKey;
        model = model == null ? "" : model;
        timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
        prices = prices == null ? "" : prices;
    }

    /** With the completion check on (the default). */
    public LlmConfig(String provider, String baseUrl, String apiKey, String model,
                     boolean vision, Duration timeout, String prices) {
        this(provider, baseUrl, apiKey, model, vision, timeout, prices, true);
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
                + ", vision=" + vision + ", verifyCompletion=" + verifyCompletion + ", apiKey=" + (apiKey.isEmpty() ? "<none>" : "<set>") + "]";
    }
}
