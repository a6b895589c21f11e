package io.skyvern.execution;

import io.skyvern.agent.RunControl;
import io.skyvern.queue.RunContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one {@link RunControl} of both kinds of run (tasks and workflow runs): a stop is requested
 * when this node was told directly (the run's {@link RunRegistry} entry: a cancel or the deadline
 * watchdog), when this worker lost the run's lease (someone else owns it now, or its heartbeats
 * failed), or when the database says the run was canceled. That database read is throttled to at
 * most one per {@code checkEvery} ({@link #readCancelFromQueueIfDue}) because waits and the agent
 * loop poll often; once true, the answer stays true. The deadline is the run's start plus its time
 * limit. Thread-safe.
 */
public final class QueueRunControl implements RunControl {
    public static final Duration DEFAULT_CHECK_EVERY = Duration.ofMillis(200);

    private final RunContext context;
    private final Optional<RunRegistry.Entry> entry;
    private final Optional<Instant> deadline;
    private final long checkEveryNanos;
    private volatile boolean stop;
    private volatile long lastCheck;
    private volatile boolean checkedOnce;

    public QueueRunControl(RunContext context, Optional<Instant> deadline, Duration checkEvery) {
        this(context, Optional.empty(), deadline, checkEvery);
    }

    /** With the run's registry entry, so that a cancel or the watchdog on this node stops it at once. */
    QueueRunControl(RunContext context, Optional<RunRegistry.Entry> entry, Optional<Instant> deadline,
                    Duration checkEvery) {
        this.context = Objects.requireNonNull(context, "context");
        this.entry = Objects.requireNonNull(entry, "entry");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.checkEveryNanos = Objects.requireNonNull(checkEvery, "checkEvery").toNanos();
    }

    @Override
    public boolean cancelRequested() {
        if (stop) {
            return true;
        }
        if (context.leaseLost() || entry.map(RunRegistry.Entry::stopRequested).orElse(false)) {
            stop = true;
            return true;
        }
        return readCancelFromQueueIfDue();
    }

    /** Asks the queue whether the run was canceled (or taken over), unless it was asked within checkEvery. */
    private boolean readCancelFromQueueIfDue() {
        long now = System.nanoTime();
        if (checkedOnce && now - lastCheck < checkEveryNanos) {
            return false;
        }
        checkedOnce = true;
        lastCheck = now;
        if (context.cancelRequested() || context.leaseLost()) {  // the read may find the run taken over
            stop = true;
        }
        return stop;
    }

    @Override
    public Optional<Instant> deadline() {
        return deadline;
    }
}
