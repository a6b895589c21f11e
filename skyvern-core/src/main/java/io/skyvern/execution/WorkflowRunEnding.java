package io.skyvern.execution;

import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunRepository;
import io.skyvern.workflow.WorkflowRunStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * A workflow run as the {@link RunFinisher} ends it: written only while running (through the
 * {@link WorkflowRunStatus} table); one canceled by a user while it ran keeps its blocks' output.
 */
final class WorkflowRunEnding implements FinishingRun {
    private final WorkflowRun run;
    private final WorkflowRunRepository runs;
    private final RunWebhooks webhooks;

    WorkflowRunEnding(WorkflowRun run, WorkflowRunRepository runs, RunWebhooks webhooks) {
        this.run = Objects.requireNonNull(run, "run");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    @Override
    public String describe() {
        return "Workflow run " + run.workflowRunId();
    }

    @Override
    public boolean writeFinal(RunOutcome outcome, Instant now) {
        WorkflowRunStatus next = statusOf(outcome.kind());
        return WorkflowRunStatus.RUNNING.canTransitionTo(next) && runs.finish(run.workflowRunId(),
                WorkflowRunStatus.RUNNING, next, outcome.output(), outcome.reason(), now);
    }

    @Override
    public boolean isFinalNow() {
        return runs.findById(run.organizationId(), run.workflowRunId()).map(r -> r.status().isFinal()).orElse(false);
    }

    @Override
    public void keepOutput(RunOutcome outcome, Instant now) {
        runs.storeOutput(run.workflowRunId(), outcome.output(), now);
    }

    @Override
    public void notifyFinished() {
        runs.findById(run.organizationId(), run.workflowRunId()).ifPresent(webhooks::finished);
    }

    static WorkflowRunStatus statusOf(RunOutcome.Kind kind) {
        return switch (kind) {
            case COMPLETED -> WorkflowRunStatus.COMPLETED;
            case CANCELED -> WorkflowRunStatus.CANCELED;
            case TIMED_OUT -> WorkflowRunStatus.TIMED_OUT;
            case TERMINATED, FAILED -> WorkflowRunStatus.FAILED;
        };
    }
}
