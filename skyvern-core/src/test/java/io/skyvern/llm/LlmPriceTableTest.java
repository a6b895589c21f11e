package io.skyvern.llm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LlmPriceTableTest {
    private final LlmPriceTable table = LlmPriceTable.defaults();

    @Test
    void longest_prefix_wins() {
        assertThat(table.priceOf("gpt-4o-mini").orElseThrow().inputPerMillion()).isEqualTo(0.15);
        assertThat(table.priceOf("gpt-4o").orElseThrow().inputPerMillion()).isEqualTo(2.50);
        assertThat(table.priceOf("gpt-4o-2024-08-06").orElseThrow().inputPerMillion()).isEqualTo(2.50);
        assertThat(table.priceOf("o3-mini-2025-01-31").orElseThrow().outputPerMillion()).isEqualTo(4.40);
        assertThat(table.priceOf("claude-sonnet-4-20250514").orElseThrow().outputPerMillion()).isEqualTo(15.0);
    }

    @Test
    void router_prefix_and_case_are_ignored() {
        assertThat(table.priceOf("openai/GPT-4o-mini").orElseThrow().outputPerMillion()).isEqualTo(0.60);
    }

    @Test
    void cost_is_tokens_times_price_per_million() {
        // 1000 in at 2.50/M + 500 out at 10/M = 0.0025 + 0.005
        assertThat(table.cost("gpt-4o", 1000, 500)).isCloseTo(0.0075, within(1e-12));
    }

    @Test
    void unknown_model_costs_nothing() {
        assertThat(table.priceOf("llama3.1:8b")).isEmpty();
        assertThat(table.cost("llama3.1:8b", 1_000_000, 1_000_000)).isZero();
    }

    @Test
    void overrides_add_and_replace_models() {
        LlmPriceTable custom = LlmPriceTable.withOverrides(" llama3.1=0.5/1.5 ; gpt-4o=1/2,\nmy-model = 3 / 4 ");
        assertThat(custom.cost("llama3.1:8b", 2_000_000, 1_000_000)).isCloseTo(2.5, within(1e-9));
        assertThat(custom.priceOf("gpt-4o").orElseThrow().outputPerMillion()).isEqualTo(2.0);
        assertThat(custom.priceOf("gpt-4o-mini").orElseThrow().outputPerMillion()).isEqualTo(0.60);
        assertThat(custom.priceOf("my-model").orElseThrow().inputPerMillion()).isEqualTo(3.0);
        assertThat(table.priceOf("llama3.1")).as("defaults are not changed").isEmpty();
    }

    @Test
    void blank_overrides_keep_the_defaults() {
        assertThat(LlmPriceTable.withOverrides("").cost("gpt-4o", 1000, 0)).isEqualTo(table.cost("gpt-4o", 1000, 0));
    }

    @Test
    void malformed_override_names_the_entry() {
        assertThatThrownBy(() -> LlmPriceTable.withOverrides("gpt-4o=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gpt-4o=1");
        assertThatThrownBy(() -> LlmPriceTable.withOverrides("x=a/b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x=a/b");
        assertThatThrownBy(() -> LlmPriceTable.withOverrides("x=-1/2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x=-1/2");
    }
}
