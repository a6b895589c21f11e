package io.skyvern.queue;

/**
 * Where a run stands for the worker executing it, read in one query: still its own and running;
 * asked to stop by a cancel; ended by this worker (it wrote the final status); or lost, that is
 * recovered after its lease expired (back in the queue or claimed by another worker) or gone.
 * A worker that lost a run must stop and write nothing more.
 */
public enum RunStanding {
    OWNED, CANCEL_REQUESTED, ENDED, LOST;

    /** From the run's row: its wire status, cancel flag and claimer; {@code status} null when the row is gone. */
    public static RunStanding of(String status, boolean cancelRequested, String claimedBy, String workerId) {
        if (status == null || !workerId.equals(claimedBy)) {
            return LOST;
        }
        if (cancelRequested || status.equals("canceled")) {
            return CANCEL_REQUESTED;
        }
        return status.equals("running") ? OWNED : ENDED;
    }
}
