package io.skyvern.config;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class SkyvernConfigLoaderTest {
    @TempDir
    Path workingDir;
    @TempDir
    Path dataDir;

    private SkyvernConfig load(Map<String, String> env, Map<ConfigKey, String> overrides) {
        return new SkyvernConfigLoader(env, workingDir).load(overrides);
    }

    /** Loads with the temp data dir, so that nothing from the real home directory leaks in. */
    private SkyvernConfig load(Map<String, String> env) {
        return load(env, Map.of(ConfigKey.DATA_DIR, dataDir.toString()));
    }

    private SkyvernException failure(Map<String, String> env, Map<ConfigKey, String> overrides) {
        try {
            load(env, overrides);
        } catch (SkyvernException e) {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIGURATION_ERROR);
            return e;
        }
        throw new AssertionError("expected a CONFIGURATION_ERROR");
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
    }

    @Test
    void defaults_apply_when_nothing_is_set() {
        Path home = Path.of(System.getProperty("user.home"), ".skyvern");
        assumeFalse(Files.exists(home.resolve("skyvern.properties")), "a real ~/.skyvern/skyvern.properties exists");

        SkyvernConfig config = load(Map.of(), Map.of());

        assertThat(config.dataDir()).isEqualTo(home.toAbsolutePath().normalize());
        assertThat(config.database().url()).isEqualTo("jdbc:h2:file:" + home.resolve("db").resolve("skyvern").toAbsolutePath().normalize());
        assertThat(config.database().poolSize()).isEqualTo(10);
        assertThat(config.env()).isEqualTo(RunEnvironment.DEVELOPMENT);
        assertThat(config.workers()).isEqualTo(2);
        assertThat(config.llm().provider()).isEqualTo("openai");
        assertThat(config.llm().isConfigured()).isFalse();
        assertThat(config.llm().timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.browser().headless()).isTrue();
        assertThat(config.browser().viewportWidth()).isEqualTo(1280);
        assertThat(config.browser().viewportHeight()).isEqualTo(800);
        assertThat(config.orgLimits()).isEqualTo(OrgLimits.DEFAULTS);
        assertThat(config.defaultMaxSteps()).isEqualTo(10);
        assertThat(config.maxStepsCap()).isEqualTo(50);
    }

    @Test
    void h2_default_url_lives_in_the_data_dir() {
        SkyvernConfig config = load(Map.of());
        assertThat(config.dataDir()).isEqualTo(dataDir);
        assertThat(config.database().url()).isEqualTo("jdbc:h2:file:" + dataDir.resolve("db").resolve("skyvern"));
        assertThat(config.database().isPostgres()).isFalse();
    }

    @Test
    void properties_file_in_working_dir_is_read_in_every_spelling() throws IOException {
        write(workingDir.resolve("skyvern.properties"), "workers=5\nllm-model=gpt-4o-mini\nskyvern.browser.viewport=1024x768\n");
        SkyvernConfig config = load(Map.of());
        assertThat(config.workers()).isEqualTo(5);
        assertThat(config.llm().model()).isEqualTo("gpt-4o-mini");
        assertThat(config.browser().viewportWidth()).isEqualTo(1024);
    }

    @Test
    void properties_file_in_data_dir_is_read_and_working_dir_file_wins() throws IOException {
        write(dataDir.resolve("skyvern.properties"), "workers=7\nenv=production\n");
        write(workingDir.resolve("skyvern.properties"), "workers=3\n");
        SkyvernConfig config = load(Map.of());
        assertThat(config.env()).isEqualTo(RunEnvironment.PRODUCTION);
        assertThat(config.workers()).isEqualTo(3);
    }

    @Test
    void data_dir_set_in_working_dir_file_is_where_the_second_file_is_looked_for() throws IOException {
        write(workingDir.resolve("skyvern.properties"), "data_dir=" + dataDir.toString().replace("\\", "/") + "\n");
        write(dataDir.resolve("skyvern.properties"), "workers=9\n");
        SkyvernConfig config = load(Map.of(), Map.of());
        assertThat(config.dataDir()).isEqualTo(dataDir);
        assertThat(config.workers()).isEqualTo(9);
    }

    @Test
    void relative_data_dir_is_resolved_against_the_working_dir() {
        SkyvernConfig config = load(Map.of(), Map.of(ConfigKey.DATA_DIR, "state"));
        assertThat(config.dataDir()).isEqualTo(workingDir.resolve("state").toAbsolutePath().normalize());
    }

    @Test
    void environment_overrides_properties_and_explicit_overrides_environment() throws IOException {
        write(workingDir.resolve("skyvern.properties"), "workers=3\ndatabase_pool_size=4\nllm_model=from-file\n");
        Map<String, String> env = Map.of("SKYVERN_WORKERS", "6", "SKYVERN_DATABASE_POOL_SIZE", "8",
                "SKYVERN_DATA_DIR", dataDir.toString());
        SkyvernConfig config = load(env, Map.of(ConfigKey.WORKERS, "0"));
        assertThat(config.database().poolSize()).isEqualTo(8);
        assertThat(config.workers()).isZero();
        assertThat(config.llm().model()).isEqualTo("from-file");
        assertThat(config.dataDir()).isEqualTo(dataDir);
    }

    @Test
    void llm_key_falls_back_to_the_providers_usual_variable() {
        assertThat(load(Map.of("OPENAI_API_KEY", "sk-openai")).llm().apiKey()).isEqualTo("sk-openai");
        assertThat(load(Map.of("ANTHROPIC_API_KEY", "sk-ant", "SKYVERN_LLM_PROVIDER", "anthropic")).llm().apiKey())
                .isEqualTo("sk-ant");
    }

    @Test
    void every_invalid_value_is_reported_once_with_setting_and_source() throws IOException {
        write(workingDir.resolve("skyvern.properties"), "workers=many\n");
        SkyvernException e = failure(Map.of("SKYVERN_BROWSER_VIEWPORT", "huge", "SKYVERN_ENV", "staging"),
                Map.of(ConfigKey.DATA_DIR, dataDir.toString(), ConfigKey.DATABASE_POOL_SIZE, "0"));

        assertThat(e.errors()).hasSize(4);
        assertThat(e.getMessage())
                .contains("workers='many' (from " + workingDir.resolve("skyvern.properties"))
                .contains("browser_viewport='huge' (from environment SKYVERN_BROWSER_VIEWPORT)")
                .contains("env='staging' (from environment SKYVERN_ENV) must be one of development, production")
                .contains("database_pool_size='0' (from explicit value database_pool_size) must be a whole number from 1 to 500");
    }

    @Test
    void secrets_never_appear_in_messages() {
        SkyvernException e = failure(Map.of("SKYVERN_DATABASE_PASSWORD", "hunter2-password",
                        "SKYVERN_LLM_API_KEY", "sk-very-secret", "SKYVERN_LLM_PROVIDER", "nope",
                        "SKYVERN_DATABASE_URL", "jdbc:mysql://db/x?user=a&password=dbsecret"),
                Map.of(ConfigKey.DATA_DIR, dataDir.toString()));
        assertThat(e.getMessage()).contains("database_url=").doesNotContain("dbsecret")
                .doesNotContain("hunter2-password").doesNotContain("sk-very-secret");
        assertThat(String.join(" ", e.errors())).doesNotContain("dbsecret");
    }

    @Test
    void database_config_to_string_hides_passwords() {
        DatabaseConfig db = new DatabaseConfig("jdbc:postgresql://u:pw1@h/db?password=pw2&ssl=true", "u", "pw3", 5);
        assertThat(db.toString()).doesNotContain("pw1").doesNotContain("pw2").doesNotContain("pw3").contains("ssl=true");
    }

    @Test
    void postgres_url_is_accepted_and_other_jdbc_urls_rejected() {
        SkyvernConfig config = load(Map.of("SKYVERN_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/skyvern",
                "SKYVERN_DATABASE_USER", "sky"));
        assertThat(config.database().isPostgres()).isTrue();
        assertThat(config.database().user()).isEqualTo("sky");

        SkyvernException e = failure(Map.of("SKYVERN_DATABASE_URL", "jdbc:mysql://db/x"), Map.of(ConfigKey.DATA_DIR, dataDir.toString()));
        assertThat(e.getMessage()).contains("database_url").contains("jdbc:postgresql:");
    }

    @Test
    void unknown_property_is_rejected_together_with_other_problems() throws IOException {
        write(workingDir.resolve("skyvern.properties"), "wokers=3\nllm_vision=maybe\n");
        SkyvernException e = failure(Map.of(), Map.of(ConfigKey.DATA_DIR, dataDir.toString()));
        assertThat(e.errors()).hasSize(2);
        assertThat(e.getMessage()).contains("unknown setting(s) [wokers]").contains("llm_vision='maybe'");
    }

    @Test
    void data_dir_cannot_be_set_inside_the_data_dir_file() throws IOException {
        write(dataDir.resolve("skyvern.properties"), "data_dir=/elsewhere\n");
        SkyvernException e = failure(Map.of(), Map.of(ConfigKey.DATA_DIR, dataDir.toString()));
        assertThat(e.getMessage()).contains("data_dir").contains("cannot be set in the data dir");
    }

    @Test
    void default_max_steps_may_not_exceed_the_cap() {
        SkyvernException e = failure(Map.of("SKYVERN_DEFAULT_MAX_STEPS", "60"), Map.of(ConfigKey.DATA_DIR, dataDir.toString()));
        assertThat(e.getMessage()).contains("default_max_steps='60'").contains("max_steps_cap (50)");
    }

    @Test
    void queue_lease_defaults_to_30_seconds_and_is_read_from_the_environment() {
        assertThat(load(Map.of()).runs().queueLease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(load(Map.of("SKYVERN_QUEUE_LEASE_SECONDS", "4")).runs().queueLease()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void queue_lease_below_two_seconds_is_rejected() {
        SkyvernException e = failure(Map.of("SKYVERN_QUEUE_LEASE_SECONDS", "1"), Map.of(ConfigKey.DATA_DIR, dataDir.toString()));
        assertThat(e.getMessage()).contains("queue_lease_seconds='1' (from environment SKYVERN_QUEUE_LEASE_SECONDS)")
                .contains("from 2 to 3600");
    }

    @Test
    void node_id_is_empty_by_default_and_read_from_the_environment() {
        assertThat(load(Map.of()).runs().nodeId()).isEmpty();
        assertThat(load(Map.of("SKYVERN_NODE_ID", "eu-west-1a.node-3")).runs().nodeId()).isEqualTo("eu-west-1a.node-3");
    }

    @Test
    void node_id_with_spaces_or_too_long_is_rejected() {
        SkyvernException spaces = failure(Map.of("SKYVERN_NODE_ID", "node 1; DROP"), Map.of(ConfigKey.DATA_DIR,
                dataDir.toString()));
        assertThat(spaces.getMessage()).contains("node_id='node 1; DROP' (from environment SKYVERN_NODE_ID)")
                .contains("1 to 64 letters, digits or . _ : @ -");
        SkyvernException longId = failure(Map.of("SKYVERN_NODE_ID", "n".repeat(65)), Map.of(ConfigKey.DATA_DIR,
                dataDir.toString()));
        assertThat(longId.errors()).hasSize(1);
    }

    @Test
    void invalid_run_settings_are_reported_not_replaced_by_a_fallback() {
        SkyvernException e = failure(Map.of("SKYVERN_TASK_TIMEOUT_SECONDS", "soon", "SKYVERN_SHUTDOWN_GRACE_SECONDS", "-5",
                "SKYVERN_ALLOW_PRIVATE_NETWORK", "perhaps"), Map.of(ConfigKey.DATA_DIR, dataDir.toString()));
        assertThat(e.errors()).hasSize(3);
        assertThat(e.getMessage()).contains("task_timeout_seconds='soon'").contains("shutdown_grace_seconds='-5'")
                .contains("allow_private_network='perhaps'");
    }
}
