package io.skyvern.queue;

/** The two kinds of run the queue holds: a task, or a workflow run. */
public enum RunKind {
    TASK, WORKFLOW_RUN
}
