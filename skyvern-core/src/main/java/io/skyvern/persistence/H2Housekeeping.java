package io.skyvern.persistence;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Compacts a crash-safe embedded H2 store while it runs, as H2's own background writer would.
 *
 * <p>Why: with {@code WRITE_DELAY=0} (see {@link Database#CRASH_SAFE_COMMITS}) H2 starts no
 * background thread, and its housekeeping lives in that thread. Chunks whose pages have been
 * replaced by later commits are then only freed once every page in them is dead; the ones that
 * keep a few live pages stay forever, so the file keeps growing beyond the data it holds (a
 * million-task store was at 58 % chunk fill after 25,000 creates). Every {@code period}, when the
 * chunks' fill rate is below {@code targetFillRate}, this rewrites the live pages of the emptiest
 * chunks, up to {@code busyWriteLimit} bytes, or {@code idleWriteLimit} when nothing was committed
 * since the last pass, through {@link MVStore#compact}: the same H2 code its
 * background writer runs. Rewritten pages are written by the next commit's chunk, and the old
 * chunks are freed once nothing needs them, so nothing is lost if the process dies in between.
 *
 * <p>Reaching the {@link MVStore} goes through H2's engine classes (a pooled connection's session);
 * a connection that is not an embedded H2 session is left alone. One daemon thread; stopped by
 * {@link #close()} before the pool closes.
 *
 * <p>Why two limits: a pass holds H2's store lock while it rewrites, so commits wait for it, and the
 * next commit writes what it rewrote. Small passes while the store is busy keep that wait short;
 * big ones while it is idle catch up after a burst, which can make garbage far faster than a busy
 * pass removes it.
 */
final class H2Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

    private final DataSource dataSource;
    private final int targetFillRate;
    private final int busyWriteLimit;
    private final int idleWriteLimit;
    /** The store's version at the last pass: unchanged means no commit since. Guarded by this. */
    private long lastVersion = -1;
    private final ScheduledExecutorService timer;
    private volatile boolean warned;

    H2Housekeeping(DataSource dataSource, Duration period, int targetFillRate, int busyWriteLimit, int idleWriteLimit) {
        this.dataSource = dataSource;
        this.targetFillRate = targetFillRate;
        this.busyWriteLimit = busyWriteLimit;
        this.idleWriteLimit = idleWriteLimit;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skyvern-db-housekeeping");
            t.setDaemon(true);
            return t;
        });
        long millis = period.toMillis();
        timer.scheduleWithFixedDelay(this::compactQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One pass: true when pages were rewritten. */
    synchronized boolean compactOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<MVStore> store = mvStoreOf(connection);
            if (store.isEmpty() || store.get().isClosed()) {
                return false;
            }
            MVStore mv = store.get();
            long version = mv.getCurrentVersion();
            boolean idle = version == lastVersion;
            lastVersion = version;
            return mv.getFileStore().getChunksFillRate() < targetFillRate
                    && mv.compact(targetFillRate, idle ? idleWriteLimit : busyWriteLimit);
        }
    }

    /**
     * True for an H2 file store without a background writer (auto-commit delay 0, what WRITE_DELAY=0
     * sets), whatever the URL said: only such a store lacks H2's own housekeeping.
     */
    static boolean isNeeded(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return mvStoreOf(connection)
                    .filter(s -> s.getFileStore() != null && s.getAutoCommitDelay() == 0)
                    .isPresent();
        } catch (SQLException e) {
            // The database just opened and migrated; without housekeeping it still works, only grows.
            LOG.warn("Cannot inspect the embedded database; it will not be compacted while it runs", e);
            return false;
        }
    }

    /** The chunks' fill rate in percent (live pages over all pages of the chunks), if the store is H2's. */
    static Optional<Integer> chunksFillRate(Connection connection) throws SQLException {
        return mvStoreOf(connection).filter(s -> !s.isClosed()).map(s -> s.getFileStore().getChunksFillRate());
    }

    private static Optional<MVStore> mvStoreOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (session instanceof SessionLocal local && local.getDatabase().getStore() != null) {
            return Optional.ofNullable(local.getDatabase().getStore().getMvStore());
        }
        return Optional.empty();
    }

    private void compactQuietly() {
        try {
            compactOnce();
        } catch (SQLException | RuntimeException e) {
            // The next pass tries again; a closing pool ends the timer first. Say it once, not every second.
            if (!warned) {
                warned = true;
                LOG.warn("Compaction of the embedded database failed; retrying in the background", e);
            }
        }
    }

    /**
     * Lets a pass in progress finish. Never interrupts it: an interrupt during H2's file I/O closes
     * the file channel under the whole database.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Compaction of the embedded database did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
