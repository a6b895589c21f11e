package io.skyvern.task;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Keeps the per-organisation cap on pending (created or queued) tasks cheap to enforce.
 *
 * <p>Counting an organisation's pending tasks costs time proportional to their number, and doing
 * it under a lock on every create serialises the organisation's creates. Far below the cap there
 * is nothing to decide, so this gate keeps an estimate per organisation: an exact count, plus the
 * creates this node admitted since that count began. While the estimate is below the cap by more
 * than a margin (a tenth of the cap, at least 2), a create goes straight to a plain insert; near
 * the cap the caller takes the exact, locked path.
 *
 * <p>The count is refreshed at most once per {@code refreshEvery}, and never more often than ten
 * times the last count took, so an organisation with a huge queue does not spend its CPU counting.
 * Exactly one caller refreshes, outside any lock: the other callers go on with the estimate they
 * have (a count held under a map lock once stalled every create for as long as it ran, 270 ms
 * with 200,000 queued tasks).
 *
 * <p>The estimate never undercounts this node's own creates: admissions made while a count runs
 * stay in the estimate even if the count saw them too, and tasks leaving the queue are only seen
 * at the next refresh, both of which err on the safe side. Other nodes' creates are seen at the
 * next refresh, so with several nodes the cap can be exceeded by at most what they create within
 * one refresh interval beyond the margin. Thread-safe.
 */
final class PendingTaskGate {
    private static final int COUNT_TIME_MULTIPLE = 10;

    private final Clock clock;
    private final long refreshEveryMillis;
    private final Map<String, Estimate> estimates = new ConcurrentHashMap<>();

    PendingTaskGate(Clock clock, Duration refreshEvery) {
        this.clock = clock;
        this.refreshEveryMillis = refreshEvery.toMillis();
    }

    /**
     * True when the organisation is far enough below {@code cap} that one more task needs no exact
     * check; the caller then inserts and calls {@link #admitted}.
     */
    boolean farBelowCap(String organizationId, int cap, LongSupplier exactPendingCount) {
        Estimate estimate = estimates.get(organizationId);
        if (estimate == null) {
            // First create of this organisation on this node: counted without holding any lock;
            // callers racing here each count once, and the first estimate stored wins.
            Estimate fresh = new Estimate();
            fresh.refresh(exactPendingCount, clock, refreshEveryMillis);
            Estimate raced = estimates.putIfAbsent(organizationId, fresh);
            estimate = raced == null ? fresh : raced;
        } else if (clock.millis() >= estimate.nextRefreshAt && estimate.refreshing.compareAndSet(false, true)) {
            try {
                estimate.refresh(exactPendingCount, clock, refreshEveryMillis);
            } finally {
                estimate.refreshing.set(false);
            }
        }
        long margin = Math.max(2, cap / 10);
        return estimate.pending() + margin < cap;
    }

    /** Records one task admitted by this node. */
    void admitted(String organizationId) {
        Estimate estimate = estimates.get(organizationId);
        if (estimate != null) {
            estimate.admitted.incrementAndGet();
        }
    }

    /** Forgets the estimate, e.g. after an exact check found the organisation near its cap. */
    void forget(String organizationId) {
        estimates.remove(organizationId);
    }

    private static final class Estimate {
        final AtomicBoolean refreshing = new AtomicBoolean();
        /** Admissions by this node since the current {@link #counted} began. */
        final AtomicLong admitted = new AtomicLong();
        volatile long counted;
        volatile long nextRefreshAt;

        long pending() {
            return counted + admitted.get();
        }

        void refresh(LongSupplier exactPendingCount, Clock clock, long refreshEveryMillis) {
            long admittedBefore = admitted.get();
            long started = System.nanoTime();
            long exact = exactPendingCount.getAsLong();
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            // The count first, then drop only the admissions it surely includes: a reader in
            // between sees too many, never too few.
            counted = exact;
            admitted.addAndGet(-admittedBefore);
            nextRefreshAt = clock.millis() + Math.max(refreshEveryMillis, tookMillis * COUNT_TIME_MULTIPLE);
        }
    }
}
