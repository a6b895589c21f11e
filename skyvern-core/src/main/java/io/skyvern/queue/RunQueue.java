package io.skyvern.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The durable queue of runs (tasks and workflow runs) waiting for a worker. Every operation is
 * atomic on the database, so any number of workers on any number of nodes may share one queue.
 * Implementations are thread-safe.
 */
public interface RunQueue {
    /**
     * Claims the most urgent, then oldest, queued run whose organisation is below its concurrency
     * limit for that kind of run: it becomes {@code running}, owned by {@code workerId} until
     * now + {@code lease}. Empty when nothing can be claimed now.
     */
    Optional<ClaimedRun> claim(String workerId, Duration lease);

    /**
     * Extends the lease to now + {@code lease} if the run is still running and owned by
     * {@code workerId}. False means the worker lost the run (recovered elsewhere) or it was
     * canceled: the worker should stop working on it.
     */
    boolean heartbeat(RunRef run, String workerId, Duration lease);

    /**
     * Hands a run this worker owns back to the queue (graceful shutdown). The claim does not count
     * as a lost attempt. No effect when the worker no longer owns it; true when it was handed back.
     */
    boolean release(RunRef run, String workerId);

    /**
     * Marks a run this worker still owns as failed with {@code reason}; a safety net for runs
     * whose executor ended without giving them a final status. True when it did so.
     */
    boolean failIfStillClaimed(RunRef run, String workerId, String reason);

    /**
     * Recovers runs whose lease expired (their worker died): a run lost once goes back to the
     * queue, a run lost twice fails, a run with a pending cancel is canceled. Returns how many
     * runs changed.
     */
    int recoverExpired(Clock clock);

    /** True when the run was canceled or a cancel was requested (or the run no longer exists). */
    boolean isCancelRequested(RunRef run);

    /** Where the run stands for {@code workerId}, the worker executing it (one read, no write). */
    RunStanding standing(RunRef run, String workerId);

    /** Queued runs of both kinds. */
    long depth();

    /** Runs of both kinds by wire status ({@code queued}, {@code running}…). */
    Map<String, Long> countsByStatus();
}
