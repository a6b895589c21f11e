package io.skyvern.execution;

import io.skyvern.queue.RunContext;
import io.skyvern.queue.RunExecutor;
import io.skyvern.queue.RunKind;

import java.util.Objects;

/** The one executor the worker pool calls: tasks to the task executor, workflow runs to theirs. */
public final class RunDispatcher implements RunExecutor {
    private final RunExecutor tasks;
    private final RunExecutor workflowRuns;

    public RunDispatcher(RunExecutor tasks, RunExecutor workflowRuns) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.workflowRuns = Objects.requireNonNull(workflowRuns, "workflowRuns");
    }

    @Override
    public void execute(RunContext context) throws Exception {
        if (context.run().ref().kind() == RunKind.TASK) {
            tasks.execute(context);
        } else {
            workflowRuns.execute(context);
        }
    }
}
