package io.skyvern.testing;

import io.skyvern.config.DatabaseConfig;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Gives integration tests a fresh, empty database of the backend under test: the failsafe
 * execution {@code it-h2} sets {@code skyvern.test.backend=h2} (an H2 file database in a new temp
 * dir), {@code it-postgres} sets {@code postgres} (a new schema in the database named by
 * {@code SKYVERN_TEST_POSTGRES_URL}; tests are skipped when it is unset). Unit tests running in
 * Surefire get H2.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static String backend() {
        return System.getProperty("skyvern.test.backend", "h2");
    }

    public static boolean isPostgres() {
        return backend().equals("postgres");
    }

    /** A fresh empty database config for the backend under test. */
    public static DatabaseConfig fresh() {
        return isPostgres() ? freshPostgres() : freshH2();
    }

    public static DatabaseConfig freshH2() {
        try {
            Path dir = Files.createTempDirectory("skyvern-it-db");
            return new DatabaseConfig("jdbc:h2:file:" + dir.resolve("skyvern").toAbsolutePath(), "", "", 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DatabaseConfig freshPostgres() {
        String base = postgresUrl();
        Assumptions.assumeTrue(base != null && !base.isBlank(),
                "SKYVERN_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test schema on " + base + ": " + e.getMessage(), e);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new DatabaseConfig(url, "", "", 10);
    }

    /**
     * Drops the schema a {@link #freshPostgres()} config points at. ITs leave theirs (small, and
     * useful after a failure); benchmarks drop theirs, which hold up to a million rows.
     */
    public static void dropPostgresSchema(DatabaseConfig fresh) {
        String schema = fresh.url().replaceAll(".*[?&]currentSchema=([a-z0-9_]+).*", "$1");
        try (Connection c = DriverManager.getConnection(postgresUrl()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test schema " + schema + ": " + e.getMessage(), e);
        }
    }

    public static String postgresUrl() {
        String url = System.getenv("SKYVERN_TEST_POSTGRES_URL");
        return url == null ? System.getProperty("skyvern.test.postgres.url") : url;
    }
}
