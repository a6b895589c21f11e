package io.skyvern.llm;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.LlmConfig;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.SkyvernConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmClientsTest {
    private static LlmConfig config(String provider, String model, String prices) {
        return new LlmConfig(provider, "", "k", model, true, Duration.ofSeconds(5), prices);
    }

    @Test
    void unconfigured_llm_fails_with_instructions() {
        assertThatThrownBy(() -> LlmClients.create(config("openai", "", "")))
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LLM_NOT_CONFIGURED))
                .hasMessageContaining("SKYVERN_LLM_PROVIDER").hasMessageContaining("SKYVERN_LLM_MODEL")
                .hasMessageContaining("SKYVERN_LLM_API_KEY").hasMessageContaining("OPENAI_API_KEY")
                .hasMessageContaining("ANTHROPIC_API_KEY").hasMessageContaining("SKYVERN_LLM_BASE_URL")
                .hasMessageContaining("http://localhost:11434/v1");
    }

    @Test
    void provider_picks_the_adapter() {
        assertThat(LlmClients.create(config("openai", "gpt-4o", ""))).isInstanceOf(OpenAiCompatibleClient.class);
        assertThat(LlmClients.create(config("Anthropic", "claude-sonnet-4", ""))).isInstanceOf(AnthropicClient.class);
    }

    @Test
    void unknown_provider_is_a_configuration_error() {
        assertThatThrownBy(() -> LlmClients.create(config("cohere", "command", "")))
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIGURATION_ERROR))
                .hasMessageContaining("cohere");
    }

    @Test
    void malformed_prices_are_a_configuration_error() {
        assertThatThrownBy(() -> LlmClients.create(config("openai", "gpt-4o", "gpt-4o=cheap")))
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIGURATION_ERROR))
                .hasMessageContaining("llm_prices");
    }

    @Test
    void config_never_prints_the_key() {
        assertThat(new LlmConfig("openai", "", "sk-secret-123", "m", true, Duration.ofSeconds(1)).toString())
                .doesNotContain("sk-secret-123");
    }

    @Test
    void llm_prices_setting_reaches_the_config(@TempDir Path dir) {
        LlmConfig llm = new SkyvernConfigLoader(Map.of("SKYVERN_LLM_MODEL", "my-model",
                "SKYVERN_LLM_PRICES", "my-model=1/2", "SKYVERN_DATA_DIR", dir.toString()), dir).load(Map.of()).llm();
        assertThat(llm.prices()).isEqualTo("my-model=1/2");
        assertThat(ConfigKey.LLM_PRICES.defaultValue()).isEmpty();
        assertThat(LlmClients.create(llm)).isInstanceOf(OpenAiCompatibleClient.class);
    }
}
