package io.skyvern.execution;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Fires an action when a run's deadline passes, on one daemon thread. A deadline cancelled because
 * its run ended leaves the queue at once: by default a cancelled task would stay queued until its
 * delay elapsed (the task time limit, 30 minutes by default), holding the run's registry entry and
 * browser session, so a busy node would carry half an hour of finished runs. The thread starts on
 * demand and ends once nothing is pending for {@code idle}, so a closed {@code Skyvern} leaves no
 * thread behind. Thread-safe.
 */
final class RunDeadlines {
    private final ScheduledThreadPoolExecutor executor;

    RunDeadlines(Duration idle) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "skyvern-run-deadline");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(Math.max(1, idle.toMillis()), TimeUnit.MILLISECONDS);
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code action} after {@code delay} unless the returned future is cancelled first. */
    Future<?> after(Duration delay, Runnable action) {
        return executor.schedule(action, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Deadlines waiting to fire. */
    int pending() {
        return executor.getQueue().size();
    }

    /** Threads alive (0 or 1). */
    int threads() {
        return executor.getPoolSize();
    }
}
