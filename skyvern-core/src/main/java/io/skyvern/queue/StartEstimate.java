package io.skyvern.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * When a run just queued will likely start: now when a worker is free for it, else after as many
 * rounds of runs as there are runs ahead of it per worker. A round is {@link #TYPICAL_RUN} (a
 * guess; the queue does not know how long runs take). Pure.
 */
public final class StartEstimate {
    /** How long a run is assumed to hold a worker. */
    public static final Duration TYPICAL_RUN = Duration.ofSeconds(30);

    private StartEstimate() {
    }

    /**
     * @param queued  runs waiting now, the new one included
     * @param workers this node's workers
     * @param busy    of them, those executing a run
     */
    public static Instant of(Instant now, long queued, int workers, int busy) {
        long ahead = Math.max(0, queued - 1);
        long free = Math.max(0, workers - busy);
        if (ahead < free) {
            return now;
        }
        long rounds = (ahead - free) / Math.max(1, workers) + 1;
        return now.plus(TYPICAL_RUN.multipliedBy(rounds));
    }
}
