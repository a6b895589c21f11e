package io.skyvern.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link SkyvernConfig} in code: each value set here wins over the defaults,
 * {@code skyvern.properties} and the {@code SKYVERN_*} environment, exactly as an explicit value
 * (a command-line flag) does, and goes through the same validation, so a bad value fails in
 * {@link #build()} with the message naming the setting. Not thread-safe; build once, share the
 * immutable config.
 *
 * <pre>{@code
 * SkyvernConfig config = SkyvernConfig.builder()
 *         .dataDir(Path.of("/var/lib/myapp/skyvern"))
 *         .llm("openai", "gpt-4o-mini", System.getenv("OPENAI_API_KEY"))
 *         .workers(4)
 *         .build();
 * }</pre>
 */
public final class SkyvernConfigBuilder {
    private final Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);

    SkyvernConfigBuilder() {
    }

    /** Directory for the embedded database, artifacts and credentials. */
    public SkyvernConfigBuilder dataDir(Path dataDir) {
        return set(ConfigKey.DATA_DIR, Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().toString());
    }

    /** A JDBC URL (H2 or PostgreSQL) instead of the data dir's H2 file. */
    public SkyvernConfigBuilder databaseUrl(String jdbcUrl) {
        return set(ConfigKey.DATABASE_URL, jdbcUrl);
    }

    public SkyvernConfigBuilder databaseCredentials(String user, String password) {
        set(ConfigKey.DATABASE_USER, user);
        return set(ConfigKey.DATABASE_PASSWORD, password);
    }

    /** The LLM: provider ({@code openai} or {@code anthropic}), model and API key. */
    public SkyvernConfigBuilder llm(String provider, String model, String apiKey) {
        set(ConfigKey.LLM_PROVIDER, provider);
        set(ConfigKey.LLM_MODEL, model);
        return set(ConfigKey.LLM_API_KEY, apiKey);
    }

    /** An OpenAI-compatible server (Ollama, vLLM, …) at {@code baseUrl}. */
    public SkyvernConfigBuilder llmBaseUrl(String baseUrl) {
        return set(ConfigKey.LLM_BASE_URL, baseUrl);
    }

    /** Runs this process executes at once; 0 executes none (another node does). */
    public SkyvernConfigBuilder workers(int workers) {
        return set(ConfigKey.WORKERS, Integer.toString(workers));
    }

    public SkyvernConfigBuilder browserExecutable(Path executable) {
        return set(ConfigKey.BROWSER_EXECUTABLE, Objects.requireNonNull(executable, "executable").toString());
    }

    public SkyvernConfigBuilder headless(boolean headless) {
        return set(ConfigKey.BROWSER_HEADLESS, Boolean.toString(headless));
    }

    /** Token budget (o200k) of the page in each prompt; 0 = none. */
    public SkyvernConfigBuilder promptPageTokens(int tokens) {
        return set(ConfigKey.PROMPT_PAGE_TOKENS, Integer.toString(tokens));
    }

    /** Time limit of one task run, from its start. */
    public SkyvernConfigBuilder taskTimeout(Duration timeout) {
        return set(ConfigKey.TASK_TIMEOUT_SECONDS, Long.toString(Objects.requireNonNull(timeout, "timeout").toSeconds()));
    }

    /** Any other setting, as its environment variable would give it. */
    public SkyvernConfigBuilder set(ConfigKey key, String value) {
        values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key.name()));
        return this;
    }

    /** Validates and returns the config; CONFIGURATION_ERROR names the first bad setting. */
    public SkyvernConfig build() {
        return SkyvernConfig.load(values);
    }
}
