package io.skyvern.task;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.webhook.DeliveryResult;
import java.util.Collection;
import java.util.Map;

/**
 * What the task service tells the run machinery, so that it stays free of workers and browsers:
 * a task is about to be created (a check may refuse it, e.g. a closed browser session), it was
 * created (wake a worker), a running one was canceled (stop it, force = close its browser now),
 * a task reached a final status outside a worker (send its webhook), and a finished task's webhook
 * is to be sent again. Implementations are
 * thread-safe; every method has a no-op default.
 */
public interface TaskHooks {
    TaskHooks NONE = new TaskHooks() { };

    /** Throws a {@code SkyvernException} to refuse the task; nothing is written then. */
    default void beforeCreate(String organizationId, CreateTaskRequest request) {
    }

    /**
     * The task is valid and about to be inserted: store what belongs to it elsewhere (its login
     * settings) before a worker can see it. Throws to refuse it.
     */
    default void beforeInsert(Task task, CreateTaskRequest request) {
    }

    /** The insert was refused (a limit): drop what {@link #beforeInsert} stored. */
    default void notInserted(Task task) {
    }

    default void created(Task task) {
    }

    /** The login settings of these tasks of the organisation (absent: none). */
    /** The tasks with their run mode, cache key and script (same order); unchanged when scripts are not kept. */
    default java.util.List<Task> withScripts(java.util.List<Task> tasks) {
        return tasks;
    }

    /** The task's steps with how each ran (agent, replayed, healed); unchanged when scripts are not kept. */
    default java.util.List<Step> withModes(String taskId, java.util.List<Step> steps) {
        return steps;
    }

    /** Step metrics of the task's replay (replayed/healed steps, model calls and tokens saved); empty: none kept. */
    default Map<String, Object> replayMetrics(String taskId) {
        return Map.of();
    }

    default Map<String, LoginSettings> loginSettings(String organizationId, Collection<String> taskIds) {
        return Map.of();
    }

    /**
     * A running task was canceled: ask its run to stop (at the next action, or at once when
     * {@code force}) and wait a little for it. Returns once it stopped or the wait is over.
     */
    default void stopRunning(String taskId, boolean force) {
    }

    /** A task became final without a worker (canceled while queued). */
    default void finishedWithoutRun(Task task) {
    }

    /** Sends the webhook of a finished task that names a URL again, now, and returns the outcome. */
    default DeliveryResult resendWebhook(Task task) {
        throw new SkyvernException(ErrorCode.WEBHOOK_NOT_CONFIGURED, "Webhooks are not sent by this instance");
    }
}
