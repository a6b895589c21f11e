package io.skyvern.runlog;

import java.util.List;

/** Storage of execution log lines of tasks and workflow runs. Thread-safe. */
public interface RunLogRepository {
    void insert(RunLog log);

    /** The task's log lines, oldest first. */
    List<RunLog> listByTask(String taskId);

    /** The workflow run's log lines, oldest first. */
    List<RunLog> listByWorkflowRun(String workflowRunId);
}
