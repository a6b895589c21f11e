package io.skyvern.queue;

import java.util.Objects;

/** One run a worker is executing; the context its executor sees. */
final class InFlightRun implements RunContext {
    private final ClaimedRun run;
    private final RunQueue queue;
    final Thread thread;
    private volatile boolean leaseLost;
    private volatile boolean handedBack;
    private volatile boolean abandoned;
    private int heartbeatFailures;   // maintenance thread only
    private boolean finished;        // guarded by this

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

    /** Counts a failed heartbeat; returns how many failed in a row. Maintenance thread only. */
    int heartbeatFailed() {
        return ++heartbeatFailures;
    }

    void heartbeatSucceeded() {
        heartbeatFailures = 0;
    }

    /**
     * Heartbeats failed too often: this node can no longer prove it owns the run, so it stops
     * before the lease can expire and another node claim it. Marked lost (the executor writes
     * nothing) and its worker interrupted (a pending browser or model call ends now), unless the
     * executor has already returned.
     */
    synchronized void abandon() {
        abandoned = true;
        leaseLost = true;
        if (!finished) {
            thread.interrupt();
        }
    }

    boolean abandoned() {
        return abandoned;
    }

    /** The executor returned: no interrupt may reach its thread any more. */
    synchronized void finish() {
        finished = true;
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
