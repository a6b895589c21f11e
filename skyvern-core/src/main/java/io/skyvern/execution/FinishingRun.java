package io.skyvern.execution;

import java.time.Instant;

/**
 * One run as the finish-and-notify path sees it, whatever its kind: its final status can be
 * written (only while it is running and owned by this worker), it may already be final (a user
 * canceled it while it ran), and its end is announced by its webhook. Used by the run's worker
 * thread.
 */
interface FinishingRun {
    /** "task t_1" or "workflow run wr_1", for the log. */
    String describe();

    /** Writes the outcome if the run is still running and this worker's; false otherwise. */
    boolean writeFinal(RunOutcome outcome, Instant now);

    /** Re-reads the run: true when it is final (someone else ended it, e.g. a user's cancel). */
    boolean isFinalNow();

    /** The run was ended by someone else while it ran: keep what it produced up to the stop. */
    void keepOutput(RunOutcome outcome, Instant now);

    /** Sends the run's webhook (its final state as stored). */
    void notifyFinished();
}
