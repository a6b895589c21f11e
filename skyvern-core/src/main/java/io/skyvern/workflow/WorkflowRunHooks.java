package io.skyvern.workflow;

import io.skyvern.task.LoginSettings;

import java.util.Collection;
import java.util.Map;

/**
 * What the workflow service tells the run machinery, so that it stays free of workers and
 * browsers: a run is about to be stored (a check may refuse it, e.g. a closed browser session),
 * its login settings are stored with it, it was stored (wake a worker), and they are read back. Implementations are thread-safe; every method has a no-op default.
 */
public interface WorkflowRunHooks {
    WorkflowRunHooks NONE = new WorkflowRunHooks() { };

    /** Throws a {@code SkyvernException} to refuse the run; nothing is written then. */
    default void beforeStart(String organizationId, StartRunRequest request) {
    }

    /**
     * The run is valid and about to be inserted: store what belongs to it elsewhere (its login
     * settings) before a worker can see it. Throws to refuse it.
     */
    default void beforeInsert(WorkflowRun run, StartRunRequest request) {
    }

    /** The insert was refused (a limit): drop what {@link #beforeInsert} stored. */
    default void notInserted(WorkflowRun run) {
    }

    default void started(WorkflowRun run) {
    }

    /** A running run was canceled: ask it to stop and wait a little for it. */
    default void stopRunning(String workflowRunId, boolean force) {
    }

    /** A run became final without a worker (canceled while queued): announce it. */
    default void finishedWithoutRun(WorkflowRun run) {
    }

    /** The login settings of these runs of the organisation (absent: none). */
    /** The block runs with their run mode, cache key and script (same order); unchanged when scripts are not kept. */
    default java.util.List<WorkflowRunBlock> blocksWithScripts(java.util.List<WorkflowRunBlock> blocks) {
        return blocks;
    }

    default Map<String, LoginSettings> loginSettings(String organizationId, Collection<String> runIds) {
        return Map.of();
    }
}
