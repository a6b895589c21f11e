package io.skyvern.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells in-process listeners that a worker of this node is done with a run, so that a caller
 * waiting for the run's final status re-reads it at once instead of at its next poll. A signal
 * means "look again", not "it is final": the run may have been handed back or taken over. Runs
 * that end elsewhere (another node, a cancel while queued) send no signal, so a waiter keeps a
 * slow poll as a safety net. Thread-safe; listeners run on the worker's thread and must be quick.
 */
public final class RunEndSignals {
    private static final Logger LOG = LoggerFactory.getLogger(RunEndSignals.class);

    private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    /** Calls {@code listener} each time a worker here finishes with {@code runId}, until removed. */
    public void subscribe(String runId, Runnable listener) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(listener, "listener");
        listeners.computeIfAbsent(runId, id -> ConcurrentHashMap.newKeySet()).add(listener);
    }

    public void unsubscribe(String runId, Runnable listener) {
        listeners.computeIfPresent(runId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** The executor with a signal after each run, however it ended. */
    public RunExecutor around(RunExecutor executor) {
        Objects.requireNonNull(executor, "executor");
        return context -> {
            try {
                executor.execute(context);
            } finally {
                fire(context.run().ref().id());
            }
        };
    }

    /** Wakes the listeners of one run (also used when a run ends without a worker). */
    public void fire(String runId) {
        Set<Runnable> set = listeners.get(runId);
        if (set == null) {
            return;
        }
        for (Runnable listener : Set.copyOf(set)) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A run-end listener of {} failed", runId, e);
            }
        }
    }
}
