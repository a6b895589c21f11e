package io.skyvern.queue;

/**
 * What an executor sees of the run it executes: the claim, and two signals to check at safe
 * points. Thread-safe.
 */
public interface RunContext {
    ClaimedRun run();

    /** True once a heartbeat found the run no longer owned by this worker: stop, write nothing. */
    boolean leaseLost();

    /**
     * True when the run left this worker because this node is shutting down and put it back in the
     * queue (a kind of {@link #leaseLost()}): nobody else has it yet. For logs that say what happened.
     */
    default boolean handedBack() {
        return false;
    }

    /**
     * True when a cancel was requested (asks the database). When the database shows the run is no
     * longer this worker's, {@link #leaseLost()} turns true instead.
     */
    boolean cancelRequested();
}
