package io.skyvern.queue;

import io.skyvern.config.RunSettings;
import io.skyvern.config.SkyvernConfig;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Settings of a {@link WorkerPool}: how many workers, the lease (heartbeats every third of it),
 * the idle poll backoff range, how often expired leases are recovered, and this node's name
 * (prefix of the worker ids stored in {@code claimed_by}).
 */
public record WorkerPoolOptions(int workers, Duration lease, Duration minPoll, Duration maxPoll,
                                Duration recoverEvery, String nodeId) {
    public static final Duration DEFAULT_LEASE = RunSettings.DEFAULT_QUEUE_LEASE;

    public WorkerPoolOptions {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(minPoll, "minPoll");
        Objects.requireNonNull(maxPoll, "maxPoll");
        Objects.requireNonNull(recoverEvery, "recoverEvery");
        Objects.requireNonNull(nodeId, "nodeId");
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be >= 0, got " + workers);
        }
        if (lease.toMillis() < 30) {
            throw new IllegalArgumentException("lease must be at least 30 ms, got " + lease);
        }
        if (minPoll.isNegative() || minPoll.isZero() || maxPoll.compareTo(minPoll) < 0) {
            throw new IllegalArgumentException("need 0 < minPoll <= maxPoll, got " + minPoll + ", " + maxPoll);
        }
        if (recoverEvery.isNegative() || recoverEvery.isZero()) {
            throw new IllegalArgumentException("recoverEvery must be positive, got " + recoverEvery);
        }
    }

    /** {@code config.workers()} workers, the configured lease (QUEUE_LEASE_SECONDS), 50 ms → 1 s polling. */
    public static WorkerPoolOptions from(SkyvernConfig config) {
        WorkerPoolOptions options = of(config.workers(), config.runs().queueLease());
        String name = config.runs().nodeId();
        return name.isEmpty() ? options : options.withNodeId(uniqueNodeId(name));
    }

    /** {@code workers} workers with the default 30 s lease. */
    public static WorkerPoolOptions of(int workers) {
        return of(workers, DEFAULT_LEASE);
    }

    /**
     * {@code workers} workers holding runs for {@code lease}. Expired leases are looked for every
     * quarter of it, so a dead node's runs go back to the queue at most 1.25 leases after its last
     * heartbeat (the lease, then one recovery period), and the recovering node claims them at once.
     */
    public static WorkerPoolOptions of(int workers, Duration lease) {
        Objects.requireNonNull(lease, "lease");
        return new WorkerPoolOptions(workers, lease, Duration.ofMillis(50), Duration.ofSeconds(1),
                recoveryPeriod(lease), defaultNodeId());
    }

    private static Duration recoveryPeriod(Duration lease) {
        Duration quarter = lease.dividedBy(4);
        return quarter.isZero() ? Duration.ofMillis(1) : quarter;
    }

    public WorkerPoolOptions withLease(Duration newLease) {
        return new WorkerPoolOptions(workers, newLease, minPoll, maxPoll, recoverEvery, nodeId);
    }

    public WorkerPoolOptions withNodeId(String id) {
        return new WorkerPoolOptions(workers, lease, minPoll, maxPoll, recoverEvery, id);
    }

    public WorkerPoolOptions withRecoverEvery(Duration every) {
        return new WorkerPoolOptions(workers, lease, minPoll, maxPoll, every, nodeId);
    }

    /** Half of the lease between heartbeats would do; a third leaves room for one slow one. */
    public Duration heartbeatEvery() {
        return lease.dividedBy(3);
    }

    /** The idle wait after {@code emptyPolls} polls in a row found nothing: doubles up to maxPoll. */
    public Duration pollDelay(int emptyPolls) {
        int shift = Math.min(Math.max(emptyPolls - 1, 0), 20);
        long millis = minPoll.toMillis() << shift;
        return millis >= maxPoll.toMillis() ? maxPoll : Duration.ofMillis(millis);
    }

    private static String defaultNodeId() {
        return uniqueNodeId(ManagementFactory.getRuntimeMXBean().getName()); // pid@host
    }

    /**
     * The name plus a random suffix per start. Worker ids must never repeat: a node restarted under
     * the same id would take its dead predecessor's claims for its own and keep renewing their leases.
     */
    static String uniqueNodeId(String name) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        // claimed_by holds 128 characters; keep room for the "-wN" suffix of each worker.
        return id.length() <= 100 ? id : id.substring(id.length() - 100);
    }
}
