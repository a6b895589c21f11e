package io.skyvern.execution;

import io.skyvern.browser.BrowserSession;
import io.skyvern.queue.RunContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * The one lifecycle of both kinds of run (tasks and workflow runs) on this node: {@link #begin}
 * registers the run (so a cancel on this node reaches it at once), arms its deadline on the
 * watchdog (which stops it even inside a long LLM call, where the loop cannot look at the clock)
 * and gives it its {@link QueueRunControl} (cancel flag, throttled read of the queue's cancel
 * flag, deadline). How the run ends is then decided by one rule ({@link ActiveRun#timedOut}) and
 * written and notified by one path ({@link RunFinisher}). Thread-safe.
 */
final class RunLifecycle {
    private final RunRegistry registry;
    private final Clock clock;
    /** One watchdog thread for every run of this lifecycle; it ends when idle for a minute. */
    private final RunDeadlines watchdog = new RunDeadlines(Duration.ofMinutes(1));

    RunLifecycle(RunRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts run {@code runId} on the current thread; close the result when the run's work is
     * over. {@code session} is the browser session a forced cancel closes ({@code null} when the
     * run opens its own, as a workflow run's engine does).
     */
    ActiveRun begin(RunContext context, String runId, Optional<Instant> deadline, BrowserSession session) {
        RunRegistry.Entry entry = registry.register(runId, session);
        Future<?> timer = deadline.map(d -> watchdog.after(Duration.ofMillis(
                Math.max(0, Duration.between(clock.instant(), d).toMillis()) + 1), entry::timeUp)).orElse(null);
        QueueRunControl control = new QueueRunControl(context, Optional.of(entry), deadline,
                QueueRunControl.DEFAULT_CHECK_EVERY);
        return new ActiveRun(context, entry, timer, control, deadline, clock);
    }

    /** Deadlines armed and not yet fired or cancelled (tests). */
    int pendingDeadlines() {
        return watchdog.pending();
    }

    /** A run in flight on this node. Used by the run's worker thread. */
    static final class ActiveRun implements AutoCloseable {
        private final RunContext context;
        private final RunRegistry.Entry entry;
        private final Future<?> timer;
        private final QueueRunControl control;
        private final Optional<Instant> deadline;
        private final Clock clock;

        private ActiveRun(RunContext context, RunRegistry.Entry entry, Future<?> timer, QueueRunControl control,
                          Optional<Instant> deadline, Clock clock) {
            this.context = context;
            this.entry = entry;
            this.timer = timer;
            this.control = control;
            this.deadline = deadline;
            this.clock = clock;
        }

        QueueRunControl control() {
            return control;
        }

        /** True once anything asked the run to stop (a cancel, the deadline, a lost lease). */
        boolean stopRequested() {
            return control.cancelRequested();
        }

        /**
         * The one timeout rule of both kinds of run: the run stopped at or after its deadline (or
         * the watchdog stopped it) and no user canceled it. Such a run ends {@code timed_out}
         * whatever its loop made of the stop.
         */
        boolean timedOut() {
            if (context.cancelRequested()) {
                return false;
            }
            return entry.wasTimeUp() || deadline.map(d -> !clock.instant().isBefore(d)).orElse(false);
        }

        @Override
        public void close() {
            if (timer != null) {
                timer.cancel(false);
            }
            boolean forced = entry.forced();
            entry.close();
            if (forced) {
                Thread.interrupted();  // a forced stop's interrupt was for the run, not for the worker pool
            }
        }
    }
}
