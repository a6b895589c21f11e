package io.skyvern.execution;

import io.skyvern.browser.BrowserManager;
import io.skyvern.browser.BrowserSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The runs this node executes now, by run id, so that a cancel can reach them: a plain cancel
 * raises a flag the run's control reads before every action; a forced one also closes the
 * browser session and interrupts the worker thread (a pending LLM call ends at once). Thread-safe.
 */
public final class RunRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RunRegistry.class);

    private final Map<String, Entry> running = new ConcurrentHashMap<>();

    /** One run in flight; close it when the run is over (no interrupt can arrive after that). */
    public final class Entry implements AutoCloseable {
        private final String runId;
        private final BrowserSession session;
        private final Thread thread;
        /** The session a run that opens its own (a workflow run's engine) opened last: its live view. */
        private volatile BrowserSession opened;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean stopRequested;
        private volatile boolean timeUp;
        private boolean forced;
        private boolean closed;

        private Entry(String runId, BrowserSession session, Thread thread) {
            this.runId = runId;
            this.session = session;
            this.thread = thread;
        }

        /** True once a cancel reached this run through the registry. */
        public boolean stopRequested() {
            return stopRequested;
        }

        /** Stops the run at once because its time limit passed (not a user's cancel). */
        public void timeUp() {
            timeUp = true;
            stop(true);
        }

        /** True once {@link #timeUp()} stopped the run. */
        public boolean wasTimeUp() {
            return timeUp;
        }

        /** True when a forced cancel interrupted the thread (the caller clears the flag). */
        public synchronized boolean forced() {
            return forced;
        }

        /** Asks the run to stop; when {@code force}, also interrupts its thread and closes its session. */
        synchronized void stop(boolean force) {
            stopRequested = true;
            if (!force || closed) {
                return;
            }
            if (session == null) {
                // A workflow run: its engine owns its sessions, and its blocks and waits read the
                // flag at their safe points; an interrupt would reach its database writes too.
                return;
            }
            forced = true;
            thread.interrupt();
            try {
                session.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the session of {} on a forced cancel failed", runId, e);
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
            }
            running.remove(runId, this);
            done.countDown();
        }
    }

    /**
     * Registers the run executing on the current thread with its browser session ({@code null}
     * when the run opens its sessions itself, as a workflow run's engine does: a forced stop then
     * only raises the flag).
     */
    public Entry register(String runId, BrowserSession session) {
        Objects.requireNonNull(runId, "runId");
        Entry entry = new Entry(runId, session, Thread.currentThread());
        running.put(runId, entry);
        return entry;
    }

    /**
     * Asks the run to stop (at once when {@code force}) and waits up to {@code wait} for it to
     * end. Returns true when the run is not, or no longer, executing on this node.
     */
    public boolean stop(String runId, boolean force, Duration wait) {
        Entry entry = running.get(runId);
        if (entry == null) {
            return true;
        }
        entry.stop(force);
        try {
            return entry.done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The browser session of a run executing on this node now: the one it registered with, or the
     * one it opened last on its own thread (see {@link #tracking}).
     */
    public java.util.Optional<BrowserSession> session(String runId) {
        return java.util.Optional.ofNullable(running.get(runId))
                .map(e -> e.session != null ? e.session : e.opened)
                .filter(s -> !s.closed());
    }

    /**
     * {@code browsers} as seen by runs that open their sessions themselves: a session opened on a
     * registered run's thread becomes that run's {@link #session} (so a live view can find it).
     */
    public BrowserManager tracking(BrowserManager browsers) {
        return new RunSessionTracker(browsers, this::openedOnThisThread);
    }

    private void openedOnThisThread(BrowserSession session) {
        Thread current = Thread.currentThread();
        running.values().stream().filter(e -> e.thread == current).forEach(e -> e.opened = session);
    }

    public boolean isRunning(String runId) {
        return running.containsKey(runId);
    }

    public int size() {
        return running.size();
    }
}
