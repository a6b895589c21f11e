package io.skyvern.llm;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.LlmConfig;

import java.util.Locale;
import java.util.Objects;

/** Creates the {@link LlmClient} a configuration asks for. */
public final class LlmClients {
    /** Shown when no model is configured: every way to configure one. */
    public static final String HOW_TO_CONFIGURE = "No LLM is configured. Set SKYVERN_LLM_PROVIDER (openai for any "
            + "OpenAI-compatible server, or anthropic), SKYVERN_LLM_MODEL (e.g. gpt-4o-mini or claude-sonnet-4-5) and "
            + "SKYVERN_LLM_API_KEY (or OPENAI_API_KEY / ANTHROPIC_API_KEY); for a local or other compatible server also "
            + "set SKYVERN_LLM_BASE_URL, e.g. http://localhost:11434/v1 for Ollama. The same settings may be written "
            + "as llm_provider, llm_model, llm_api_key and llm_base_url in skyvern.properties.";

    private LlmClients() {
    }

    /** A client with the default retry policy. */
    public static LlmClient create(LlmConfig config) {
        return create(config, RetryPolicy.DEFAULT);
    }

    /**
     * A client for {@code config.provider()}, pricing with the built-in table plus
     * {@code config.prices()}.
     *
     * @throws SkyvernException {@link ErrorCode#LLM_NOT_CONFIGURED} when no model is set;
     *                          {@link ErrorCode#CONFIGURATION_ERROR} for an unknown provider or bad prices
     */
    public static LlmClient create(LlmConfig config, RetryPolicy retryPolicy) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        if (!config.isConfigured()) {
            throw new SkyvernException(ErrorCode.LLM_NOT_CONFIGURED, HOW_TO_CONFIGURE);
        }
        LlmPriceTable prices;
        try {
            prices = LlmPriceTable.withOverrides(config.prices());
        } catch (IllegalArgumentException e) {
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR, "Invalid configuration: llm_prices: " + e.getMessage());
        }
        String provider = config.provider().strip().toLowerCase(Locale.ROOT);
        switch (provider) {
            case "openai":
                return new OpenAiCompatibleClient(config, prices, retryPolicy);
            case "anthropic":
                return new AnthropicClient(config, prices, retryPolicy);
            default:
                throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR, "Invalid configuration: llm_provider '"
                        + config.provider() + "' is not supported; use openai (any OpenAI-compatible server) or anthropic");
        }
    }
}
