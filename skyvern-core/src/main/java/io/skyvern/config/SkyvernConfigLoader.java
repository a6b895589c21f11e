package io.skyvern.config;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Merges the configuration sources in order (defaults, {@code skyvern.properties}, environment,
 * explicit values) and validates the result. Every invalid value is reported in one message that
 * names the setting, where it came from and what is allowed.
 */
public final class SkyvernConfigLoader {
    static final String FILE_NAME = "skyvern.properties";

    private final Map<String, String> environment;
    private final Path workingDir;

    public SkyvernConfigLoader(Map<String, String> environment, Path workingDir) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
    }

    public SkyvernConfig load(Map<ConfigKey, String> overrides) {
        Objects.requireNonNull(overrides, "overrides");
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, String> origins = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key, key.defaultValue());
            origins.put(key, "default");
        }
        List<String> problems = new ArrayList<>();
        Path workingFile = workingDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        Map<ConfigKey, String> workingProps = readProperties(workingFile, problems);
        // The data dir decides where its skyvern.properties is, so settle it first, from every
        // source but that file itself: explicit, environment, working-dir file, default.
        String dataDirValue = overrides.getOrDefault(ConfigKey.DATA_DIR, environment.getOrDefault(
                ConfigKey.DATA_DIR.envName(), workingProps.getOrDefault(ConfigKey.DATA_DIR, ConfigKey.DATA_DIR.defaultValue())));
        Path dataFile = resolvePath(dataDirValue).resolve(FILE_NAME);
        if (!dataFile.equals(workingFile)) {
            Map<ConfigKey, String> dataProps = readProperties(dataFile, problems);
            if (dataProps.remove(ConfigKey.DATA_DIR) != null) {
                problems.add("data_dir (from " + dataFile + ") cannot be set in the data dir's own " + FILE_NAME
                        + "; set it in the working directory's " + FILE_NAME + " or " + ConfigKey.DATA_DIR.envName());
            }
            apply(dataProps, dataFile, values, origins);
        }
        // The working directory's file is the more specific one, so it wins over the data dir's.
        apply(workingProps, workingFile, values, origins);
        for (ConfigKey key : ConfigKey.values()) {
            String value = environment.get(key.envName());
            if (value != null) {
                values.put(key, value);
                origins.put(key, "environment " + key.envName());
            }
        }
        overrides.forEach((key, value) -> {
            values.put(key, Objects.requireNonNull(value, key.propertyName()));
            origins.put(key, "explicit value " + key.propertyName());
        });
        return build(values, origins, problems);
    }

    private static void apply(Map<ConfigKey, String> props, Path file, Map<ConfigKey, String> values,
                              Map<ConfigKey, String> origins) {
        props.forEach((key, value) -> {
            values.put(key, value);
            origins.put(key, file.toString());
        });
    }

    /** Reads a properties file if it exists; unknown names are added to {@code problems}. */
    private static Map<ConfigKey, String> readProperties(Path file, List<String> problems) {
        Map<ConfigKey, String> result = new EnumMap<>(ConfigKey.class);
        if (!Files.isRegularFile(file)) {
            return result;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            problems.add("cannot read " + file + ": " + e.getMessage());
            return result;
        }
        List<String> unknown = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            Optional<ConfigKey> key = ConfigKey.fromPropertyName(name);
            if (key.isPresent()) {
                result.put(key.get(), properties.getProperty(name).trim());
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown setting(s) " + unknown + " in " + file);
        }
        return result;
    }

    private SkyvernConfig build(Map<ConfigKey, String> values, Map<ConfigKey, String> origins, List<String> problems) {
        ValueReader r = new ValueReader(values, origins, problems);
        Path dataDir = resolvePath(r.text(ConfigKey.DATA_DIR));
        String url = r.text(ConfigKey.DATABASE_URL);
        if (url.isBlank()) {
            url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("skyvern").toAbsolutePath();
        } else if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            r.invalid(ConfigKey.DATABASE_URL, "must start with jdbc:h2: or jdbc:postgresql:");
        }
        DatabaseConfig database = new DatabaseConfig(url, r.text(ConfigKey.DATABASE_USER),
                r.text(ConfigKey.DATABASE_PASSWORD), r.integer(ConfigKey.DATABASE_POOL_SIZE, 1, 500));
        RunEnvironment env = r.choice(ConfigKey.ENV, RunEnvironment.class);
        int workers = r.integer(ConfigKey.WORKERS, 0, 256);
        String provider = r.text(ConfigKey.LLM_PROVIDER).toLowerCase(Locale.ROOT);
        if (!provider.equals("openai") && !provider.equals("anthropic")) {
            r.invalid(ConfigKey.LLM_PROVIDER, "must be openai or anthropic");
        }
        String apiKey = r.text(ConfigKey.LLM_API_KEY);
        if (apiKey.isBlank()) {
            apiKey = environment.getOrDefault(provider.equals("anthropic") ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY", "");
        }
        String baseUrl = r.text(ConfigKey.LLM_BASE_URL);
        if (!baseUrl.isBlank() && !baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            r.invalid(ConfigKey.LLM_BASE_URL, "must be an http:// or https:// URL");
        }
        LlmConfig llm = new LlmConfig(provider, baseUrl, apiKey, r.text(ConfigKey.LLM_MODEL),
                r.bool(ConfigKey.LLM_VISION), Duration.ofSeconds(r.integer(ConfigKey.LLM_TIMEOUT_SECONDS, 1, 3600)),
                r.text(ConfigKey.LLM_PRICES), r.bool(ConfigKey.VERIFY_COMPLETION));
        int[] viewport = r.viewport(ConfigKey.BROWSER_VIEWPORT);
        BrowserConfig browser = new BrowserConfig(r.text(ConfigKey.BROWSER_EXECUTABLE), r.text(ConfigKey.BROWSER_CDP_URL),
                r.bool(ConfigKey.BROWSER_HEADLESS), viewport[0], viewport[1], r.bool(ConfigKey.BROWSER_TRACE),
                r.integer(ConfigKey.SNAPSHOT_SETTLE_MS, 0, 60_000), pageTokens(r));
        OrgLimits limits = new OrgLimits(r.integer(ConfigKey.ORG_MAX_CONCURRENT_TASKS, 1, 100_000),
                r.integer(ConfigKey.ORG_MAX_CONCURRENT_WORKFLOW_RUNS, 1, 100_000),
                r.integer(ConfigKey.ORG_MAX_WORKFLOW_BLOCKS, 1, 10_000),
                r.integer(ConfigKey.ORG_MAX_QUEUED_TASKS, 1, 100_000_000));
        int cap = r.integer(ConfigKey.MAX_STEPS_CAP, 1, 1000);
        int defaultSteps = r.integer(ConfigKey.DEFAULT_MAX_STEPS, 1, 1000);
        if (defaultSteps > cap) {
            r.invalid(ConfigKey.DEFAULT_MAX_STEPS, "must not exceed max_steps_cap (" + cap + ")");
        }
        RunSettings runs = runSettings(r, env);
        LoginConfig logins = new LoginConfig(r.text(ConfigKey.ENCRYPTION_KEY),
                Duration.ofSeconds(r.integer(ConfigKey.TOTP_WAIT_SECONDS, 1, 3600)),
                Duration.ofSeconds(r.integer(ConfigKey.TOTP_POLL_SECONDS, 1, 600)));
        // Last: every value above, including the run and login settings, must have been read (and checked) first.
        r.throwIfInvalid();
        return new SkyvernConfig(dataDir, database, env, workers, llm, browser, limits, defaultSteps, cap, runs,
                logins);
    }

    /**
     * Private networks are reachable by default in development (a developer automates the app on
     * localhost) and not in production (a server must not be a way into its own network).
     */
    /** 0 turns the page budget off; otherwise at least a screen's worth (500). */
    private static int pageTokens(ValueReader r) {
        int tokens = r.integer(ConfigKey.PROMPT_PAGE_TOKENS, 0, 1_000_000);
        if (tokens > 0 && tokens < 500) {
            r.invalid(ConfigKey.PROMPT_PAGE_TOKENS, "must be 0 (no budget) or at least 500");
            return BrowserConfig.DEFAULT_PAGE_TOKENS;
        }
        return tokens;
    }

    private static boolean allowPrivateNetwork(ValueReader r, RunEnvironment env) {
        return r.text(ConfigKey.ALLOW_PRIVATE_NETWORK).isBlank() ? env != RunEnvironment.PRODUCTION
                : r.bool(ConfigKey.ALLOW_PRIVATE_NETWORK);
    }

    private static RunSettings runSettings(ValueReader r, RunEnvironment env) {
        String nodeId = r.text(ConfigKey.NODE_ID);
        if (!RunSettings.isValidNodeId(nodeId)) {
            r.invalid(ConfigKey.NODE_ID, "must be 1 to 64 letters, digits or . _ : @ -");
            nodeId = "";
        }
        return new RunSettings(Duration.ofSeconds(r.integer(ConfigKey.TASK_TIMEOUT_SECONDS, 1, 7 * 24 * 3600)),
                Duration.ofSeconds(r.integer(ConfigKey.SHUTDOWN_GRACE_SECONDS, 0, 3600)),
                allowPrivateNetwork(r, env),
                Duration.ofSeconds(r.integer(ConfigKey.QUEUE_LEASE_SECONDS, (int) RunSettings.MIN_QUEUE_LEASE.toSeconds(), 3600)),
                nodeId, r.choice(ConfigKey.DEFAULT_RUN_MODE, io.skyvern.common.RunMode.class));
    }

    /** Expands a leading {@code ~} and resolves a relative path against the working dir, not the JVM's. */
    Path resolvePath(String path) {
        String trimmed = path.trim();
        if (trimmed.equals("~") || trimmed.startsWith("~/")) {
            trimmed = System.getProperty("user.home") + trimmed.substring(1);
        }
        return workingDir.resolve(trimmed).toAbsolutePath().normalize();
    }

    /** Reads typed values and collects every problem before failing once. */
    private static final class ValueReader {
        private final Map<ConfigKey, String> values;
        private final Map<ConfigKey, String> origins;
        private final List<String> problems = new ArrayList<>();

        ValueReader(Map<ConfigKey, String> values, Map<ConfigKey, String> origins, List<String> earlier) {
            this.values = values;
            this.origins = origins;
            this.problems.addAll(earlier);
        }

        String text(ConfigKey key) {
            return values.get(key).trim();
        }

        int integer(ConfigKey key, int min, int max) {
            try {
                int value = Integer.parseInt(text(key));
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below with the allowed range
            }
            invalid(key, "must be a whole number from " + min + " to " + max);
            return min;
        }

        boolean bool(ConfigKey key) {
            String value = text(key).toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                return Boolean.parseBoolean(value);
            }
            invalid(key, "must be true or false");
            return false;
        }

        <E extends Enum<E>> E choice(ConfigKey key, Class<E> type) {
            try {
                return Enum.valueOf(type, text(key).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                List<String> allowed = new ArrayList<>();
                for (E constant : type.getEnumConstants()) {
                    allowed.add(constant.name().toLowerCase(Locale.ROOT));
                }
                invalid(key, "must be one of " + String.join(", ", allowed));
                return type.getEnumConstants()[0];
            }
        }

        int[] viewport(ConfigKey key) {
            String[] parts = text(key).toLowerCase(Locale.ROOT).split("x");
            try {
                if (parts.length == 2) {
                    int width = Integer.parseInt(parts[0].trim());
                    int height = Integer.parseInt(parts[1].trim());
                    if (width >= 200 && width <= 7680 && height >= 200 && height <= 4320) {
                        return new int[] {width, height};
                    }
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            invalid(key, "must be WIDTHxHEIGHT between 200x200 and 7680x4320");
            return new int[] {1280, 800};
        }

        void invalid(ConfigKey key, String rule) {
            String shown = key.isSecret() ? "<hidden>" : "'" + ConfigKey.redactUrl(values.get(key)) + "'";
            problems.add(key.propertyName() + "=" + shown + " (from " + origins.get(key) + ") " + rule);
        }

        void throwIfInvalid() {
            if (!problems.isEmpty()) {
                throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR,
                        "Invalid configuration: " + String.join("; ", problems), problems);
            }
        }
    }
}
