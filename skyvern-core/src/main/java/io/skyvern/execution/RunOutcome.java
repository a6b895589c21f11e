package io.skyvern.execution;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * How a run (task or workflow run) ended, in the terms both kinds share: what it produced
 * ({@code output}: a task's extracted information, a workflow run's block outputs) and why it did
 * not complete ({@code reason}, null when it completed).
 */
record RunOutcome(Kind kind, JsonNode output, String reason) {
    /** The final statuses both kinds of run have (a workflow run has no terminated: it fails). */
    enum Kind { COMPLETED, TERMINATED, FAILED, CANCELED, TIMED_OUT }

    /** The failure reason of every run stopped by its time limit. */
    static final String TIME_LIMIT = "The run exceeded its time limit";

    RunOutcome {
        Objects.requireNonNull(kind, "kind");
    }

    static RunOutcome timedOut(String limit, JsonNode output) {
        return new RunOutcome(Kind.TIMED_OUT, output, TIME_LIMIT + " of " + limit);
    }
}
