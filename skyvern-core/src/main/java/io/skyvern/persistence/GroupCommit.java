package io.skyvern.persistence;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Lets concurrent callers share one transaction commit: each {@link #write} waits until its item
 * is committed, exactly as if it had its own transaction, but items that arrive while a commit is
 * under way are written together in the next one.
 *
 * <p>Why: with crash-safe settings every commit costs a write to the database file (H2 with
 * WRITE_DELAY=0 writes a new chunk; PostgreSQL flushes its log), so the commit, not the insert, is
 * what limits how many creates per second the store takes. Nothing waits to fill a batch: a lone
 * caller commits at once; batches form only from callers already waiting.
 *
 * <p>Leader/follower, no thread of its own: the first waiting caller becomes the leader, takes
 * everything queued (up to {@code maxBatch}), hands it to the writer in one transaction (which may
 * send it as one JDBC batch, as the task inserts do on PostgreSQL), commits and wakes the others; a caller whose item is still queued then leads the next batch. If a batch fails, each of
 * its items is retried in a transaction of its own, so one bad item fails only its own caller.
 * Thread-safe.
 */
final class GroupCommit<T> {
    private final Jdbi jdbi;
    /** Writes the given items (in order) through the handle; the transaction around it is ours. */
    private final BiConsumer<Handle, List<T>> writer;
    private final int maxBatch;
    private final ArrayDeque<Pending<T>> queue = new ArrayDeque<>();
    private boolean leading;
    private long commits;

    GroupCommit(Jdbi jdbi, BiConsumer<Handle, List<T>> writer, int maxBatch) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.writer = Objects.requireNonNull(writer, "writer");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        this.maxBatch = maxBatch;
    }

    /** Writes {@code item} and returns once it is committed; throws what writing it alone would throw. */
    void write(T item) {
        Pending<T> mine = new Pending<>(item);
        List<Pending<T>> batch;
        boolean interrupted = false;
        synchronized (this) {
            queue.add(mine);
        }
        while (true) {
            synchronized (this) {
                while (!mine.done && leading) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // The item is already on its way to the database: its caller must learn
                        // the outcome. The interrupt is restored below.
                        interrupted = true;
                    }
                }
                if (mine.done) {
                    break;
                }
                // Not done and nobody leads: our item is still queued, so we lead the next batch.
                leading = true;
                batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
                while (!queue.isEmpty() && batch.size() < maxBatch) {
                    batch.add(queue.poll());
                }
            }
            try {
                commit(batch);
            } finally {
                synchronized (this) {
                    leading = false;
                    notifyAll();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    private void commit(List<Pending<T>> batch) {
        try {
            List<T> items = new ArrayList<>(batch.size());
            for (Pending<T> p : batch) {
                items.add(p.item);
            }
            jdbi.useTransaction(h -> writer.accept(h, items));
            synchronized (this) {
                commits++;
            }
            finish(batch, null);
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                finish(batch, batchFailure);
                return;
            }
            for (Pending<T> p : batch) {
                try {
                    jdbi.useTransaction(h -> writer.accept(h, List.of(p.item)));
                    finish(List.of(p), null);
                } catch (RuntimeException own) {
                    finish(List.of(p), own);
                }
            }
        }
    }

    /** Transactions committed with more than nothing in them so far (batches, not items). */
    synchronized long commits() {
        return commits;
    }

    private synchronized void finish(List<Pending<T>> items, RuntimeException failure) {
        for (Pending<T> p : items) {
            p.failure = failure;
            p.done = true;
        }
    }

    private static final class Pending<T> {
        final T item;
        boolean done;
        RuntimeException failure;

        Pending(T item) {
            this.item = item;
        }
    }
}
