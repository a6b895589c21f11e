package io.skyvern.workflow;

/**
 * What the workflow service tells the run machinery, so that it stays free of workers and
 * browsers: a run is about to be stored (a check may refuse it, e.g. a closed browser session),
 * and it was stored (wake a worker). Implementations are thread-safe; every method has a no-op default.
 */
public interface WorkflowRunHooks {
    WorkflowRunHooks NONE = new WorkflowRunHooks() { };

    /** Throws a {@code SkyvernException} to refuse the run; nothing is written then. */
    default void beforeStart(String organizationId, StartRunRequest request) {
    }

    default void started(WorkflowRun run) {
    }
}
