package io.skyvern.task;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Keeps the per-organisation cap on pending (created or queued) tasks cheap to enforce.
 *
 * <p>Counting an organisation's pending tasks costs time proportional to their number, and doing
 * it under a lock on every create serialises the organisation's creates. Far below the cap there
 * is nothing to decide, so this gate keeps an estimate per organisation: an exact count taken at
 * most once per {@code refreshEvery}, plus the creates this node admitted since. While the
 * estimate is below the cap by more than a margin (a tenth of the cap, at least 2), a create goes
 * straight to a plain insert; near the cap the caller takes the exact, locked path.
 *
 * <p>The estimate never undercounts this node's own creates (tasks leaving the queue are only
 * seen at the next refresh, which errs on the safe side). Other nodes' creates are seen at the
 * next refresh, so with several nodes the cap can be exceeded by at most what they create within
 * one refresh interval beyond the margin. Thread-safe.
 */
final class PendingTaskGate {
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
        long now = clock.millis();
        Estimate estimate = estimates.compute(organizationId, (org, old) ->
                old == null || now - old.countedAt >= refreshEveryMillis
                        ? new Estimate(exactPendingCount.getAsLong(), now) : old);
        long margin = Math.max(2, cap / 10);
        return estimate.pending() + margin < cap;
    }

    /** Records one task admitted by this node. */
    void admitted(String organizationId) {
        estimates.computeIfPresent(organizationId, (org, old) -> new Estimate(old.pending() + 1, old.countedAt()));
    }

    /** Forgets the estimate, e.g. after an exact check found the organisation near its cap. */
    void forget(String organizationId) {
        estimates.remove(organizationId);
    }

    private record Estimate(long pending, long countedAt) {
    }
}
