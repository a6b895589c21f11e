package io.skyvern.persistence;

import io.skyvern.queue.RunKind;

/** Where each kind of run lives: table, id column and the organisation limit that caps it. */
enum RunTable {
    TASKS(RunKind.TASK, "tasks", "task_id", "max_concurrent_tasks"),
    WORKFLOW_RUNS(RunKind.WORKFLOW_RUN, "workflow_runs", "workflow_run_id", "max_concurrent_workflow_runs");

    final RunKind kind;
    final String table;
    final String idColumn;
    final String limitColumn;

    RunTable(RunKind kind, String table, String idColumn, String limitColumn) {
        this.kind = kind;
        this.table = table;
        this.idColumn = idColumn;
        this.limitColumn = limitColumn;
    }

    static RunTable of(RunKind kind) {
        return kind == RunKind.TASK ? TASKS : WORKFLOW_RUNS;
    }
}
