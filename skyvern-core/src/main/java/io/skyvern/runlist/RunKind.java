package io.skyvern.runlist;

/** What a line of the runs list is. */
public enum RunKind {
    TASK, WORKFLOW_RUN
}
