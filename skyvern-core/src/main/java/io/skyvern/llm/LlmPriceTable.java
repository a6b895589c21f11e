package io.skyvern.llm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices of models in USD per million tokens, for the cost figures of steps and runs. A model
 * matches the longest listed name that is a prefix of it ({@code gpt-4o-2024-08-06} → {@code gpt-4o},
 * {@code gpt-4o-mini} → {@code gpt-4o-mini}); a routed name such as {@code openai/gpt-4o} is also
 * tried without its router prefix. Unknown models cost 0 — cost tracking is an estimate and must
 * never fail a run. Immutable and thread-safe.
 */
public final class LlmPriceTable {
    /** Input and output price, USD per million tokens. */
    public record Price(double inputPerMillion, double outputPerMillion) {
        public Price {
            if (inputPerMillion < 0 || outputPerMillion < 0 || Double.isNaN(inputPerMillion) || Double.isNaN(outputPerMillion)) {
                throw new IllegalArgumentException("prices must be non-negative numbers");
            }
        }
    }

    private static final LlmPriceTable DEFAULTS = new LlmPriceTable(defaultPrices());

    private final Map<String, Price> prices;

    private LlmPriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** The built-in list prices. */
    public static LlmPriceTable defaults() {
        return DEFAULTS;
    }

    /**
     * The built-in prices with overrides from {@code model=in/out;model2=in/out} (USD per million
     * tokens; {@code ;} or {@code ,} or new lines between entries). Blank means no overrides.
     *
     * @throws IllegalArgumentException naming the entry that is malformed
     */
    public static LlmPriceTable withOverrides(String spec) {
        return DEFAULTS.overriddenBy(spec);
    }

    /** This table with the entries of {@code spec} added or replaced. */
    public LlmPriceTable overriddenBy(String spec) {
        Map<String, Price> merged = new LinkedHashMap<>(prices);
        if (spec != null) {
            for (String entry : spec.split("[;,\\n]")) {
                if (!entry.isBlank()) {
                    parseEntry(entry.trim(), merged);
                }
            }
        }
        return new LlmPriceTable(merged);
    }

    private static void parseEntry(String entry, Map<String, Price> into) {
        int eq = entry.indexOf('=');
        int slash = entry.indexOf('/', Math.max(eq, 0));
        if (eq <= 0 || slash < 0) {
            throw new IllegalArgumentException("price entry '" + entry + "' must look like model=input/output");
        }
        try {
            double in = Double.parseDouble(entry.substring(eq + 1, slash).trim());
            double out = Double.parseDouble(entry.substring(slash + 1).trim());
            into.put(entry.substring(0, eq).trim().toLowerCase(Locale.ROOT), new Price(in, out));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("price entry '" + entry + "' must have non-negative numbers: model=input/output", e);
        }
    }

    /** The price of the longest listed prefix of {@code model}, if any. */
    public Optional<Price> priceOf(String model) {
        String name = Objects.requireNonNull(model, "model").trim().toLowerCase(Locale.ROOT);
        Optional<Price> direct = longestPrefix(name);
        if (direct.isPresent() || name.lastIndexOf('/') < 0) {
            return direct;
        }
        return longestPrefix(name.substring(name.lastIndexOf('/') + 1));
    }

    private Optional<Price> longestPrefix(String name) {
        String best = null;
        for (String listed : prices.keySet()) {
            if (name.startsWith(listed) && (best == null || listed.length() > best.length())) {
                best = listed;
            }
        }
        return Optional.ofNullable(best).map(prices::get);
    }

    /** Estimated cost in USD; 0 for a model not in the table. */
    public double cost(String model, long inputTokens, long outputTokens) {
        return priceOf(model)
                .map(p -> (inputTokens * p.inputPerMillion() + outputTokens * p.outputPerMillion()) / 1_000_000.0)
                .orElse(0.0);
    }

    // Approximate public list prices (USD per million input/output tokens, standard tier, no
    // caching or batch discounts) as published by the providers in 2025. They change; override
    // them with the llm_prices setting rather than trusting these for billing.
    private static Map<String, Price> defaultPrices() {
        Map<String, Price> m = new LinkedHashMap<>();
        m.put("gpt-4o", new Price(2.50, 10.00));
        m.put("gpt-4o-mini", new Price(0.15, 0.60));
        m.put("gpt-4.1", new Price(2.00, 8.00));
        m.put("gpt-4.1-mini", new Price(0.40, 1.60));
        m.put("gpt-4.1-nano", new Price(0.10, 0.40));
        m.put("gpt-5", new Price(1.25, 10.00));
        m.put("gpt-5-mini", new Price(0.25, 2.00));
        m.put("gpt-5-nano", new Price(0.05, 0.40));
        m.put("o3", new Price(2.00, 8.00));
        m.put("o3-mini", new Price(1.10, 4.40));
        m.put("o4-mini", new Price(1.10, 4.40));
        m.put("claude-sonnet-4", new Price(3.00, 15.00));
        m.put("claude-opus-4", new Price(15.00, 75.00));
        m.put("claude-opus-4-5", new Price(5.00, 25.00));
        m.put("claude-haiku-4-5", new Price(1.00, 5.00));
        m.put("claude-3-7-sonnet", new Price(3.00, 15.00));
        m.put("claude-3-5-sonnet", new Price(3.00, 15.00));
        m.put("claude-3-5-haiku", new Price(0.80, 4.00));
        m.put("claude-3-haiku", new Price(0.25, 1.25));
        m.put("gemini-2.0-flash", new Price(0.10, 0.40));
        m.put("gemini-2.5-flash", new Price(0.30, 2.50));
        m.put("gemini-2.5-pro", new Price(1.25, 10.00));
        return m;
    }
}
