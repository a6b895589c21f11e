package io.skyvern.execution;

import io.skyvern.queue.ClaimedRun;

/**
 * The run log line an executing node writes when it starts a claimed run: which worker (node id
 * plus worker number) and which attempt. It shows where a run executed, and that a run lost by a
 * dead node was taken over (attempt 2, another node).
 */
final class ClaimNote {
    private ClaimNote() {
    }

    static String of(ClaimedRun run) {
        return "Claimed by worker " + run.workerId() + " (attempt " + run.attempt() + ")";
    }
}
