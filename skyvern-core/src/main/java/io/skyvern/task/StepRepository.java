package io.skyvern.task;

import java.util.List;
import java.util.Set;

/** Storage of a task's steps. The agent inserts them; the task service reads them. Thread-safe. */
public interface StepRepository {
    void insert(Step step);

    /**
     * Writes the outcome of a step that was inserted as running: status, output, failure reason,
     * tokens, cost, timings and completed_at.
     */
    void finish(Step finished);

    /** Steps of the task in order (step order, then retry index); empty {@code statuses} = all. */
    List<Step> listByTask(String taskId, Set<StepStatus> statuses);
}
