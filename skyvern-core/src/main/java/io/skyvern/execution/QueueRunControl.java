package io.skyvern.execution;

import io.skyvern.agent.RunControl;
import io.skyvern.queue.RunContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RunControl} over a claimed run: a cancel is requested when the queue says so (the run was
 * canceled or flagged) or when this worker lost the run's lease (someone else owns it now: stop).
 * The database is asked at most once per {@code checkEvery} because waits and the agent loop poll
 * often; once true, the answer stays true. Thread-safe.
 */
public final class QueueRunControl implements RunControl {
    public static final Duration DEFAULT_CHECK_EVERY = Duration.ofMillis(200);

    private final RunContext context;
    private final Optional<Instant> deadline;
    private final long checkEveryNanos;
    private volatile boolean stop;
    private volatile long lastCheck;
    private volatile boolean checkedOnce;

    public QueueRunControl(RunContext context, Optional<Instant> deadline, Duration checkEvery) {
        this.context = Objects.requireNonNull(context, "context");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.checkEveryNanos = Objects.requireNonNull(checkEvery, "checkEvery").toNanos();
    }

    @Override
    public boolean cancelRequested() {
        if (stop) {
            return true;
        }
        if (context.leaseLost()) {
            stop = true;
            return true;
        }
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
