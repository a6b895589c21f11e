package io.skyvern.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting, with its default and a one-line description (the README's configuration table is
 * made from these). A key is written {@code data_dir} in {@code skyvern.properties} (or
 * {@code data-dir}, {@code data.dir}) and {@code SKYVERN_DATA_DIR} in the environment.
 */
public enum ConfigKey {
    DATA_DIR("~/.skyvern", "Directory for the embedded database, artifacts and credentials"),
    DATABASE_URL("", "JDBC URL; empty means an H2 file database in the data dir"),
    DATABASE_USER("", "Database user (PostgreSQL)"),
    DATABASE_PASSWORD("", "Database password (PostgreSQL)"),
    DATABASE_POOL_SIZE("10", "Maximum connections in the pool"),
    ENV("development", "development or production (production hides exception text and docs)"),
    WORKERS("2", "Runs executed at once by this node; 0 = API-only node"),
    LLM_PROVIDER("openai", "openai (any OpenAI-compatible server) or anthropic"),
    LLM_BASE_URL("", "Base URL of the LLM API; empty means the provider's public endpoint"),
    LLM_API_KEY("", "LLM API key (falls back to OPENAI_API_KEY / ANTHROPIC_API_KEY)"),
    LLM_MODEL("", "Model name, e.g. gpt-4o-mini or claude-sonnet-4-5"),
    LLM_VISION("true", "Send screenshots to the model"),
    LLM_TIMEOUT_SECONDS("120", "Timeout of one LLM call"),
    VERIFY_COMPLETION("true", "Check a complete answer with one more model call (goal, final page, history) before the run completes"),
    LLM_PRICES("", "Price overrides in USD per million tokens: model=in/out;model2=in/out (cost tracking)"),
    BROWSER_EXECUTABLE("", "Chromium/Chrome executable; empty means search PATH, then Playwright's own"),
    BROWSER_CDP_URL("", "Connect to a remote browser over CDP instead of launching one"),
    BROWSER_HEADLESS("true", "Run the browser headless"),
    BROWSER_VIEWPORT("1280x800", "Viewport WIDTHxHEIGHT"),
    BROWSER_TRACE("false", "Record a Playwright trace per run"),
    SNAPSHOT_SETTLE_MS("3000", "Longest wait before a page snapshot for the page to settle (DOM quiet 200 ms, no request in flight); 0 = no wait"),
    PROMPT_PAGE_TOKENS("12000", "Token budget (o200k) of the page in each prompt: a larger page keeps what is on and "
            + "near the screen and the elements, and says what it left out and where; 0 = no budget (500..1000000)"),
    MAX_STEPS_CAP("50", "Highest max_steps a task may ask for"),
    DEFAULT_MAX_STEPS("10", "max_steps of a task that names none"),
    DEFAULT_RUN_MODE("agent", "run_mode of a task that names none: agent (always the model), replay (the recorded "
            + "script, failing when there is none) or auto (replay when a script exists, else the agent)"),
    ORG_MAX_CONCURRENT_TASKS("10", "Default per-organisation limit of running tasks"),
    ORG_MAX_CONCURRENT_WORKFLOW_RUNS("5", "Default per-organisation limit of active workflow runs"),
    ORG_MAX_WORKFLOW_BLOCKS("50", "Default per-organisation limit of blocks in one workflow"),
    ORG_MAX_QUEUED_TASKS("10000", "Default per-organisation cap on tasks waiting in the queue"),
    TASK_TIMEOUT_SECONDS("1800", "Time limit of one task run, from its start; then it is timed_out"),
    SHUTDOWN_GRACE_SECONDS("30", "On shutdown, how long runs in flight may take to finish before they are re-queued"),
    QUEUE_LEASE_SECONDS("30", "How long a node holds a claimed run without renewing it (every third of it); a dead "
            + "node's runs return to the queue within 1.25 times it"),
    NODE_ID("", "Name of this node in claimed_by and the logs (letters, digits, . _ : @ -; up to 64); a random "
            + "suffix is added at each start; empty means pid@host"),
    ALLOW_PRIVATE_NETWORK("", "Let browser navigation (redirects included), http_request blocks, webhooks and "
            + "TOTP URLs reach loopback, private and link-local addresses (true/false; empty: true in development, "
            + "false in production); cloud metadata addresses are refused always"),
    ENCRYPTION_KEY("", "Key of the credential store: base64 of 32 random bytes, the same on every node; empty means "
            + "<data-dir>/encryption.key, created when the first secret is stored"),
    TOTP_WAIT_SECONDS("300", "How long typing {{totp}} waits for a pushed or polled one-time code"),
    TOTP_POLL_SECONDS("10", "How often a task's totp_verification_url is polled");

    /** {@code user:secret@} in a URL, and {@code password=...} / {@code key=...}-like query parameters. */
    private static final Pattern URL_SECRETS = Pattern.compile(
            "(?i)(//[^/@:]*:)[^/@]*@|((?:password|passwd|pwd|secret|token|api[_-]?key|key)=)[^&;]*");

    private final String defaultValue;
    private final String description;

    ConfigKey(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The environment variable, e.g. {@code SKYVERN_DATA_DIR}. */
    public String envName() {
        return "SKYVERN_" + name();
    }

    /** True for settings whose values never appear in messages. */
    public boolean isSecret() {
        return name().contains("PASSWORD") || name().contains("API_KEY") || name().equals("ENCRYPTION_KEY");
    }

    /**
     * The key named {@code name} in a properties file: {@code data_dir}, {@code data-dir},
     * {@code data.dir} or {@code skyvern.data.dir}, in any case.
     */
    public static Optional<ConfigKey> fromPropertyName(String name) {
        String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        if (normalized.startsWith("SKYVERN_")) {
            normalized = normalized.substring("SKYVERN_".length());
        }
        for (ConfigKey key : values()) {
            if (key.name().equals(normalized)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** The text with credentials inside URLs replaced by {@code ***}, for messages and toString. */
    public static String redactUrl(String text) {
        return text == null ? null : URL_SECRETS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) != null ? m.group(1) + "***@" : m.group(2) + "***"));
    }

    /** The canonical properties key, e.g. {@code data_dir}. */
    public String propertyName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
