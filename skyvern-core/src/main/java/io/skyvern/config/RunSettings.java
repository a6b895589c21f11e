package io.skyvern.config;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How runs are executed: the time limit of a task run from its start, the grace period runs in
 * flight get at shutdown, whether webhooks may call private network addresses, the queue lease
 * (how long a claimed run stays a node's without a heartbeat; see {@code queue.WorkerPoolOptions})
 * the node's name (empty: made from pid and host) and the run mode of a task that names none.
 */
public record RunSettings(Duration taskTimeout, Duration shutdownGrace, boolean allowPrivateNetwork,
                          Duration queueLease, String nodeId, io.skyvern.common.RunMode defaultRunMode) {
    /** What a node name may hold: it goes into claimed_by (with a suffix) and into log lines. */
    public static final Pattern NODE_ID_PATTERN = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
    /** Below this, heartbeats (every third of the lease) would be a few hundred milliseconds apart. */
    public static final Duration MIN_QUEUE_LEASE = Duration.ofSeconds(2);
    public static final Duration DEFAULT_QUEUE_LEASE = Duration.ofSeconds(30);
    public static final RunSettings DEFAULTS = new RunSettings(Duration.ofSeconds(1800), Duration.ofSeconds(30), false,
            DEFAULT_QUEUE_LEASE, "");

    /** With the {@code agent} run mode as default. */
    public RunSettings(Duration taskTimeout, Duration shutdownGrace, boolean allowPrivateNetwork, Duration queueLease,
                       String nodeId) {
        this(taskTimeout, shutdownGrace, allowPrivateNetwork, queueLease, nodeId, io.skyvern.common.RunMode.AGENT);
    }

    public RunSettings {
        defaultRunMode = defaultRunMode == null ? io.skyvern.common.RunMode.AGENT : defaultRunMode;
        Objects.requireNonNull(taskTimeout, "taskTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (taskTimeout.isNegative() || taskTimeout.isZero()) {
            throw new IllegalArgumentException("taskTimeout must be positive, was " + taskTimeout);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative, was " + shutdownGrace);
        }
        Objects.requireNonNull(queueLease, "queueLease");
        if (queueLease.compareTo(MIN_QUEUE_LEASE) < 0) {
            throw new IllegalArgumentException("queueLease must be at least " + MIN_QUEUE_LEASE + ", was " + queueLease);
        }
        if (!isValidNodeId(Objects.requireNonNull(nodeId, "nodeId"))) {
            throw new IllegalArgumentException("nodeId must match " + NODE_ID_PATTERN + ", was " + nodeId);
        }
    }

    /** Empty (the node is named from pid and host) or a name matching {@link #NODE_ID_PATTERN}. */
    public static boolean isValidNodeId(String nodeId) {
        return nodeId.isEmpty() || NODE_ID_PATTERN.matcher(nodeId).matches();
    }
}
