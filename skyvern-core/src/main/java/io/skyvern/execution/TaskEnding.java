package io.skyvern.execution;

import io.skyvern.task.Task;
import io.skyvern.task.TaskRepository;
import io.skyvern.task.TaskStatus;

import java.time.Instant;
import java.util.Objects;

/** A task as the {@link RunFinisher} ends it: written only while running and claimed by this worker. */
final class TaskEnding implements FinishingRun {
    private final Task task;
    private final String workerId;
    private final TaskRepository tasks;
    private final RunWebhooks webhooks;

    TaskEnding(Task task, String workerId, TaskRepository tasks, RunWebhooks webhooks) {
        this.task = Objects.requireNonNull(task, "task");
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    @Override
    public String describe() {
        return "Task " + task.taskId();
    }

    @Override
    public boolean writeFinal(RunOutcome outcome, Instant now) {
        return tasks.finishRun(task.taskId(), workerId, statusOf(outcome.kind()),
                outcome.kind() == RunOutcome.Kind.COMPLETED ? outcome.output() : null, outcome.reason(), now);
    }

    @Override
    public boolean isFinalNow() {
        return tasks.find(task.organizationId(), task.taskId()).map(t -> t.status().isFinal()).orElse(false);
    }

    @Override
    public void keepOutput(RunOutcome outcome, Instant now) {
        // A task ended by someone else keeps no partial extraction: its steps hold what it did.
    }

    @Override
    public void notifyFinished() {
        tasks.find(task.organizationId(), task.taskId()).filter(t -> t.status().isFinal())
                .ifPresent(webhooks::finished);
    }

    static TaskStatus statusOf(RunOutcome.Kind kind) {
        return switch (kind) {
            case COMPLETED -> TaskStatus.COMPLETED;
            case TERMINATED -> TaskStatus.TERMINATED;
            case FAILED -> TaskStatus.FAILED;
            case CANCELED -> TaskStatus.CANCELED;
            case TIMED_OUT -> TaskStatus.TIMED_OUT;
        };
    }
}
