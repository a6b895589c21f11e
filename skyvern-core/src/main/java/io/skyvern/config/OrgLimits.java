package io.skyvern.config;

/**
 * Per-organisation limits from the specification, plus a cap on queued tasks so that a runaway
 * client gets LIMIT_EXCEEDED instead of filling the disk.
 */
public record OrgLimits(int maxConcurrentTasks, int maxConcurrentWorkflowRuns,
                        int maxWorkflowBlocks, int maxQueuedTasks) {
    public static final OrgLimits DEFAULTS = new OrgLimits(10, 5, 50, 10_000);
}
