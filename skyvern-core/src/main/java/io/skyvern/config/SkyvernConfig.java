package io.skyvern.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The whole configuration, validated and immutable. Build one with {@link #load} (defaults, then
 * {@code skyvern.properties} in the data dir, then {@code skyvern.properties} in the working dir,
 * then {@code SKYVERN_*} environment, then explicit values; each later source wins) or
 * {@link #defaults()} for a quick embedded start. The data dir itself comes from the explicit
 * value, the environment or the working dir's file, never from the data dir's own file.
 */
public record SkyvernConfig(Path dataDir, DatabaseConfig database, RunEnvironment env, int workers,
                            LlmConfig llm, BrowserConfig browser, OrgLimits orgLimits,
                            int defaultMaxSteps, int maxStepsCap, RunSettings runs, LoginConfig logins) {
    /** Without login settings (their defaults). */
    public SkyvernConfig(Path dataDir, DatabaseConfig database, RunEnvironment env, int workers, LlmConfig llm,
                         BrowserConfig browser, OrgLimits orgLimits, int defaultMaxSteps, int maxStepsCap,
                         RunSettings runs) {
        this(dataDir, database, env, workers, llm, browser, orgLimits, defaultMaxSteps, maxStepsCap, runs,
                LoginConfig.DEFAULTS);
    }

    public SkyvernConfig {
        Objects.requireNonNull(logins, "logins");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(orgLimits, "orgLimits");
        Objects.requireNonNull(runs, "runs");
    }

    /** A builder whose values win over every other source ({@link SkyvernConfigBuilder}). */
    public static SkyvernConfigBuilder builder() {
        return new SkyvernConfigBuilder();
    }

    /** Defaults, {@code skyvern.properties} and the process environment. */
    public static SkyvernConfig defaults() {
        return load(Map.of());
    }

    /** Defaults, {@code skyvern.properties}, the process environment, then {@code overrides}. */
    public static SkyvernConfig load(Map<ConfigKey, String> overrides) {
        return new SkyvernConfigLoader(System.getenv(), Path.of("").toAbsolutePath()).load(overrides);
    }

    public SkyvernConfig withDatabase(DatabaseConfig newDatabase) {
        return new SkyvernConfig(dataDir, newDatabase, env, workers, llm, browser, orgLimits,
                defaultMaxSteps, maxStepsCap, runs, logins);
    }

    public SkyvernConfig withWorkers(int newWorkers) {
        return new SkyvernConfig(dataDir, database, env, newWorkers, llm, browser, orgLimits,
                defaultMaxSteps, maxStepsCap, runs, logins);
    }

    public SkyvernConfig withLlm(LlmConfig newLlm) {
        return new SkyvernConfig(dataDir, database, env, workers, newLlm, browser, orgLimits,
                defaultMaxSteps, maxStepsCap, runs, logins);
    }

    public SkyvernConfig withRuns(RunSettings newRuns) {
        return new SkyvernConfig(dataDir, database, env, workers, llm, browser, orgLimits,
                defaultMaxSteps, maxStepsCap, newRuns, logins);
    }

    public SkyvernConfig withLogins(LoginConfig newLogins) {
        return new SkyvernConfig(dataDir, database, env, workers, llm, browser, orgLimits,
                defaultMaxSteps, maxStepsCap, runs, newLogins);
    }

    /** Time limit of one task run (TASK_TIMEOUT_SECONDS). */
    public java.time.Duration taskTimeout() {
        return runs.taskTimeout();
    }

    public SkyvernConfig withOrgLimits(OrgLimits newLimits) {
        return new SkyvernConfig(dataDir, database, env, workers, llm, browser, newLimits,
                defaultMaxSteps, maxStepsCap, runs, logins);
    }
}
