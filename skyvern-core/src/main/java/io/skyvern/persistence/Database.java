package io.skyvern.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.DatabaseConfig;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection pool, the migrated schema and the {@link Jdbi} handle over them. Opening one
 * runs the Flyway migrations, so a database that opens is a database with the current schema.
 * Thread-safe; close it once at shutdown.
 */
public final class Database implements AutoCloseable {
    /**
     * H2's default WRITE_DELAY of 500 ms lets a transaction's COMMIT return while its changes are
     * still only in the JVM's memory: MVStore writes them in a background thread up to 500 ms
     * later, so a killed process (SIGKILL, OOM killer, crash) loses commits that were already
     * answered, e.g. tasks a client got 201 for (CrashSafetyIT measured 41 of 329 lost). With 0,
     * each commit that changed data writes its chunk to the file before COMMIT returns (H2's
     * TransactionStore commits the store synchronously when the auto-commit delay is 0). That
     * survives the death of the process, as the data is in the operating system's page cache; it
     * does not fsync, so a power loss or kernel crash can still lose the last commits, which is
     * what PostgreSQL is for. The price: every commit writes a new MVStore chunk, so single-row
     * commits are several times slower (a few hundred per second instead of a few thousand on a
     * busy 2-core machine) and, as chunks are kept for RETENTION_TIME (45 s) before their space is
     * reused, a burst of writes grows the file far beyond its data (20,000 commits within 90 s:
     * 318 MB instead of 15 MB); the space is reused afterwards, not returned. A URL that sets
     * WRITE_DELAY itself keeps its value.
     */
    static final String CRASH_SAFE_COMMITS = "WRITE_DELAY=0";

    /**
     * See {@link H2Housekeeping}: one pass a second, below 80 % chunk fill; 64 KB while commits are
     * coming in, 1 MB when none came since the last pass. In bench/api-load.sh, passes of 1 MB under
     * load took the create p99 at half load from 16.9 ms (no passes) to 24.5 ms, 256 KB to 18.7–24.8 ms.
     */
    private static final Duration HOUSEKEEPING_PERIOD = Duration.ofSeconds(1);
    private static final int HOUSEKEEPING_TARGET_FILL_RATE = 80;
    private static final int HOUSEKEEPING_BUSY_WRITE_LIMIT = 64 * 1024;
    private static final int HOUSEKEEPING_IDLE_WRITE_LIMIT = 1 << 20;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;
    /** Only for an embedded H2 file store with crash-safe commits, which has no housekeeping of its own. */
    private final H2Housekeeping housekeeping;

    private Database(HikariDataSource dataSource, boolean postgres, H2Housekeeping housekeeping) {
        this.dataSource = dataSource;
        this.housekeeping = housekeeping;
        this.jdbi = Jdbi.create(dataSource);
        // Jdbi puts the bound arguments of a failed statement into the exception message by default;
        // those can be a task's navigation payload (passwords), and exception messages reach logs.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        this.postgres = postgres;
    }

    public static Database open(DatabaseConfig config) {
        return open(config, HOUSEKEEPING_PERIOD);
    }

    /** With the embedded store's compaction every {@code housekeepingPeriod} (tests set it long to run passes by hand). */
    static Database open(DatabaseConfig config, Duration housekeepingPeriod) {
        Objects.requireNonNull(config, "config");
        String url = config.url();
        if (url.startsWith("jdbc:h2:file:")) {
            url = prepareH2File(url);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        if (!config.user().isEmpty()) {
            hikari.setUsername(config.user());
        }
        if (!config.password().isEmpty()) {
            hikari.setPassword(config.password());
        }
        if (config.isPostgres()) {
            // Lets the driver send a JDBC batch of INSERTs (GroupCommit's shared task creates) as
            // multi-row INSERT statements: fewer round trips and statements for the server to run.
            // A value given in the URL wins over this driver property.
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("skyvern-db");
        hikari.setInitializationFailTimeout(10_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR,
                    "Cannot connect to the database " + config.url() + ": " + rootMessage(e),
                    java.util.List.of(), java.util.Map.of(), e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR,
                    "Cannot migrate the database " + config.url() + ": " + rootMessage(e),
                    java.util.List.of(), java.util.Map.of(), e);
        }
        H2Housekeeping housekeeping = !config.isPostgres() && H2Housekeeping.isNeeded(dataSource)
                ? new H2Housekeeping(dataSource, housekeepingPeriod, HOUSEKEEPING_TARGET_FILL_RATE,
                        HOUSEKEEPING_BUSY_WRITE_LIMIT, HOUSEKEEPING_IDLE_WRITE_LIMIT)
                : null;
        return new Database(dataSource, config.isPostgres(), housekeeping);
    }

    /**
     * Creates the directory of an H2 file database, keeps it open while the pool lives and makes
     * every commit durable against a crash of the process.
     */
    private static String prepareH2File(String url) {
        String pathPart = url.substring("jdbc:h2:file:".length());
        int semicolon = pathPart.indexOf(';');
        String path = semicolon >= 0 ? pathPart.substring(0, semicolon) : pathPart;
        Path parent = Path.of(path).toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR,
                        "Cannot create the database directory " + parent + ": " + e.getMessage());
            }
        }
        String prepared = url.contains("DB_CLOSE_ON_EXIT") ? url : url + ";DB_CLOSE_ON_EXIT=FALSE";
        return hasSetting(prepared, "WRITE_DELAY") ? prepared : prepared + ";" + CRASH_SAFE_COMMITS;
    }

    private static boolean hasSetting(String url, String name) {
        return url.toUpperCase(java.util.Locale.ROOT).contains(";" + name + "=");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** True when a trivial query answers; used by health checks. */
    public boolean ping() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The embedded store's compaction, for tests; empty on PostgreSQL or an H2 without crash-safe commits. */
    Optional<H2Housekeeping> housekeeping() {
        return Optional.ofNullable(housekeeping);
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.close();
        }
        dataSource.close();
    }
}
