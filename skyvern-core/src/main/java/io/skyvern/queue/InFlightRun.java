package io.skyvern.queue;

import java.util.Objects;

/** One run a worker is executing; the context its executor sees. */
final class InFlightRun implements RunContext {
    private final ClaimedRun run;
    private final RunQueue queue;
    final Thread thread;
    private volatile boolean leaseLost;
    private volatile boolean handedBack;

    InFlightRun(ClaimedRun run, RunQueue queue, Thread thread) {
        this.run = Objects.requireNonNull(run, "run");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.thread = Objects.requireNonNull(thread, "thread");
    }

    @Override
    public ClaimedRun run() {
        return run;
    }

    @Override
    public boolean leaseLost() {
        return leaseLost;
    }

    void markLeaseLost() {
        leaseLost = true;
    }

    @Override
    public boolean handedBack() {
        return handedBack;
    }

    /** Shutdown puts the run back in the queue: lost to this worker, but not taken by another. */
    void markHandedBack() {
        handedBack = true;
        leaseLost = true;
    }

    /**
     * Asks the database; a run found recovered by another worker is marked lost on the way, so the
     * executor stops at its next safe point rather than at the next heartbeat.
     */
    @Override
    public boolean cancelRequested() {
        RunStanding standing = queue.standing(run.ref(), run.workerId());
        if (standing == RunStanding.LOST) {
            markLeaseLost();
        }
        return standing == RunStanding.CANCEL_REQUESTED;
    }
}
