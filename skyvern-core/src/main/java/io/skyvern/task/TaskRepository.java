package io.skyvern.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Storage of tasks. Every lookup is scoped to an organisation, so another organisation's task is
 * simply absent. Status changes are conditional ({@code WHERE status = expected}): a {@code false}
 * answer means someone else changed the task first. Implementations are thread-safe.
 */
public interface TaskRepository {

    /**
     * Inserts the task unless the organisation already has {@code maxPending} or more tasks that
     * are created or queued; both happen in one transaction. Returns false when the cap is reached.
     */
    /** Inserts a task with no cap check (the caller decided it is far below the cap). */
    void insert(Task task);

    boolean insertWithinCap(Task task, int maxPending);

    Optional<Task> find(String organizationId, String taskId);

    /** The tasks of the page the query asks for, in its order. */
    List<Task> list(String organizationId, TaskQuery query);

    /** How many tasks match the query's filters (paging ignored). */
    long count(String organizationId, TaskQuery query);

    long countByStatuses(String organizationId, Set<TaskStatus> statuses);

    /**
     * Replaces the request fields (url, title, goals, payload, schema, mapping, webhook, max steps)
     * and modified_at of the task if its status is still {@code expected}.
     */
    boolean updateRequest(Task updated, TaskStatus expected);

    /**
     * Moves the task from {@code expected} to {@code next} if it is still in {@code expected};
     * sets failure_reason, cancel_requested (only ever raised, never lowered here), modified_at
     * and, when non-null, completed_at.
     */
    boolean transition(String organizationId, String taskId, TaskStatus expected, TaskStatus next,
                       String failureReason, boolean cancelRequested, Instant now, Instant completedAt);

    /** Whether a cancel was requested for the task (a worker polls this at safe points). */
    boolean isCancelRequested(String taskId);

    /**
     * Ends a run: moves the task from running to {@code next} (a final status) with its extracted
     * information and failure reason, if it is still running and claimed by {@code workerId}.
     * False when the task was canceled meanwhile or the worker lost it.
     */
    boolean finishRun(String taskId, String workerId, TaskStatus next, com.fasterxml.jackson.databind.JsonNode
            extractedInformation, String failureReason, Instant now);
}
