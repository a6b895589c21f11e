package io.skyvern.server;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ServerMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknown_flag_is_one_line_and_exit_2() {
        assertThat(run("--bogus", "1")).isEqualTo(2);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("skyvern-server: unknown option --bogus").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(text.strip().lines().count()).isEqualTo(1);
    }

    @Test
    void a_key_file_that_is_not_the_databases_key_is_one_line_and_exit_2() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("skyvern-main-key");
        io.skyvern.config.SkyvernConfig config = new io.skyvern.config.SkyvernConfigLoader(Map.of(), dir).load(Map.of(
                io.skyvern.config.ConfigKey.DATA_DIR, dir.toString(), io.skyvern.config.ConfigKey.WORKERS, "0",
                io.skyvern.config.ConfigKey.DATABASE_URL, ""));
        try (io.skyvern.Skyvern skyvern = io.skyvern.Skyvern.create(config)) {
            String org = skyvern.organizations().create("k").organization().organizationId();
            skyvern.credentials().create(org, new io.skyvern.credential.NewCredential("c", "u", "p",
                    java.util.Optional.empty(), java.util.List.of()));
        }
        java.nio.file.Files.writeString(dir.resolve("encryption.key"), io.skyvern.crypto.EncryptionKey.generate());

        assertThat(run("--data-dir", dir.toString(), "--database-url", "", "--port", "0")).isEqualTo(2);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("skyvern-server: The encryption key from ").contains("SKYVERN_ENCRYPTION_KEY")
                .doesNotContain("\tat ");
        assertThat(text.strip().lines().count()).isEqualTo(1);
    }

    @Test
    void bad_port_and_missing_value_exit_2() {
        assertThat(run("--port", "http")).isEqualTo(2);
        assertThat(run("--port")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port");
    }

    @Test
    void help_prints_usage_and_exits_0() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: skyvern-server");
    }

    @Test
    void server_config_reads_environment_and_rejects_bad_numbers() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.of("SKYVERN_PORT", "9000", "SKYVERN_ALLOWED_ORIGINS",
                "https://a.example, https://b.example", "SKYVERN_RATE_LIMIT_PER_MINUTE", "5",
                "SKYVERN_LOG_FORMAT", "json", "SKYVERN_API_KEY", "secret-key"));
        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.allowedOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(c.rateLimitPerMinute()).isEqualTo(5);
        assertThat(c.logFormat()).isEqualTo(ServerConfig.LogFormat.JSON);
        assertThat(c.toString()).doesNotContain("secret-key");
        assertThat(ServerConfig.defaults().maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SKYVERN_PORT", "x")))
                .hasMessageContaining("SKYVERN_PORT");
    }

    @Test
    void version_prints_the_version_and_a_lone_unknown_flag_is_called_unknown() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("skyvern-server ").doesNotContain("needs a value");
        assertThat(run("--verbose")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("skyvern-server: unknown option --verbose")
                .doesNotContain("needs a value");
    }

    @Test
    void a_busy_port_is_one_line_exit_2_and_nothing_is_created() throws Exception {
        java.nio.file.Path dataDir = java.nio.file.Files.createTempDirectory("skyvern-busy-port");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThat(run("--port", Integer.toString(port), "--host", "127.0.0.1", "--data-dir",
                    dataDir.resolve("d").toString())).isEqualTo(2);
            String text = err.toString(StandardCharsets.UTF_8);
            assertThat(text.strip().lines().count()).isEqualTo(1);
            assertThat(text).contains("port " + port + " on 127.0.0.1 is already in use").contains("--port N");
            assertThat(dataDir.resolve("d").resolve("credentials")).doesNotExist();
            assertThat(dataDir.resolve("d").resolve("db")).doesNotExist();
        } finally {
            try (var paths = java.nio.file.Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
