package io.skyvern.queue;

import io.skyvern.common.RunPriority;
import java.time.Instant;
import java.util.Objects;

/**
 * A run that a worker now owns until {@code leaseExpiresAt}, unless it renews the lease with a
 * heartbeat. {@code attempt} counts claims of this run, this one included (1 on the first).
 */
public record ClaimedRun(RunRef ref, String workerId, Instant leaseExpiresAt, int attempt,
                         RunPriority priority) {
    public ClaimedRun {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
        Objects.requireNonNull(priority, "priority");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, got " + attempt);
        }
    }
}
