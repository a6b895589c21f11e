package io.skyvern.cli.archfixture;

import io.skyvern.queue.RunKind;

/** A deliberate violation (test sources only): proves the CLI's layering rule bites. */
public final class ReachesIntoTheQueue {
    private ReachesIntoTheQueue() {
    }

    public static RunKind kind() {
        return RunKind.TASK;
    }
}
