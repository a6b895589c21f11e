package io.skyvern.task;

import java.util.List;

/** Storage of the actions taken within steps. Thread-safe. */
public interface ActionRepository {
    void insert(ActionRecord action);

    /** All actions of the task, ordered by step then action order. */
    List<ActionRecord> listByTask(String taskId);
}
