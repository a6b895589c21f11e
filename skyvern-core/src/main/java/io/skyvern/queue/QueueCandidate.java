package io.skyvern.queue;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A queued run seen by a claim, with what decides its place: priority rank (lower is more
 * urgent), then age. Ties between a task and a workflow run of the same priority and age go to
 * the task, then the smaller id, so that the order is total and the same on every node.
 */
public record QueueCandidate(RunRef ref, int priorityRank, Instant createdAt, int attempts) {
    /** Most urgent first, then oldest, then tasks before workflow runs, then by id. */
    public static final Comparator<QueueCandidate> CLAIM_ORDER = Comparator
            .comparingInt(QueueCandidate::priorityRank)
            .thenComparing(QueueCandidate::createdAt)
            .thenComparing(c -> c.ref().kind())
            .thenComparing(c -> c.ref().id());

    public QueueCandidate {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
