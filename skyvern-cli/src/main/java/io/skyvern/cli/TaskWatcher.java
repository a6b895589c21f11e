package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.task.CancelRequest;
import io.skyvern.task.StepQuery;
import io.skyvern.task.Task;
import io.skyvern.task.TaskIncludes;
import io.skyvern.task.TaskStatus;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Follows one task until it ends: polls the task and its steps, reports progress, cancels it when
 * the client-side deadline passes or the user presses Ctrl-C, and waits for the cancel to land.
 */
final class TaskWatcher {
    /** How long to wait for a requested cancel to show in the task's status. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);
    private final SkyvernClient client;
    private final String taskId;
    private final Duration pollInterval;
    private final Duration timeout;
    private final ProgressPrinter progress;
    private volatile Task latest;
    private volatile boolean interrupted;

    TaskWatcher(SkyvernClient client, Task task, Duration pollInterval, Duration timeout, ProgressPrinter progress) {
        this.client = Objects.requireNonNull(client, "client");
        this.latest = Objects.requireNonNull(task, "task");
        this.taskId = task.taskId();
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.timeout = timeout;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    RunOutcome watch() {
        progress.created(latest);
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (true) {
            Task task = poll();
            if (task.status().isFinal()) {
                return outcome(task, false);
            }
            if (System.nanoTime() >= deadline) {
                progress.line("timeout of " + describe(timeout) + " reached: canceling " + taskId);
                cancel("client-side timeout after " + describe(timeout));
                return outcome(awaitFinal(), true);
            }
            sleep(pollInterval);
        }
    }

    /** Shutdown hook (Ctrl-C): cancels the run and waits until the cancel has landed. */
    void cancelOnInterrupt() {
        if (latest.status().isFinal()) {
            return;
        }
        interrupted = true;
        try {
            progress.line("interrupted: canceling " + taskId + " …");
            cancel("canceled from the command line (interrupt)");
            awaitFinal();
        } catch (RuntimeException e) {
            progress.line("could not cancel " + taskId + ": " + e.getMessage());
        }
    }

    boolean interrupted() {
        return interrupted;
    }

    /** The outcome as things stand (after an interrupt: the canceled task). */
    RunOutcome outcomeNow() {
        return outcome(latest, false);
    }

    private Task poll() {
        Task task = client.getTask(taskId, TaskIncludes.NONE).task();
        latest = task;
        if (task.status() != TaskStatus.CREATED && task.status() != TaskStatus.QUEUED) {
            progress.steps(client.taskSteps(taskId, new StepQuery(true, false, Set.of())), task.maxSteps());
        }
        progress.status(task);
        return task;
    }

    private void cancel(String reason) {
        try {
            client.cancelTask(taskId, CancelRequest.of(reason));
        } catch (SkyvernException e) {
            if (e.errorCode() != ErrorCode.TASK_ALREADY_FINISHED) {
                throw e;
            }
            // it ended on its own meanwhile: its real outcome is reported
        }
    }

    private Task awaitFinal() {
        long until = System.nanoTime() + CANCEL_WAIT.toNanos();
        Task task = poll();
        while (!task.status().isFinal() && System.nanoTime() < until) {
            sleep(pollInterval);
            task = poll();
        }
        return task;
    }

    private RunOutcome outcome(Task task, boolean clientTimedOut) {
        return new RunOutcome(task, client.taskArtifacts(taskId), clientTimedOut, timeout);
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyvernException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting for the task");
        }
    }
}
