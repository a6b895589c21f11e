package io.skyvern.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How runs are executed: the time limit of a task run from its start, the grace period runs in
 * flight get at shutdown, and whether webhooks may call private network addresses.
 */
public record RunSettings(Duration taskTimeout, Duration shutdownGrace, boolean allowPrivateNetwork) {
    public static final RunSettings DEFAULTS = new RunSettings(Duration.ofSeconds(1800), Duration.ofSeconds(30), false);

    public RunSettings {
        Objects.requireNonNull(taskTimeout, "taskTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (taskTimeout.isNegative() || taskTimeout.isZero()) {
            throw new IllegalArgumentException("taskTimeout must be positive, was " + taskTimeout);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative, was " + shutdownGrace);
        }
    }
}
