package io.skyvern.queue;

import java.util.Objects;

/** Points at one run: its kind, its id ({@code tsk_…} or {@code wr_…}) and its organisation. */
public record RunRef(RunKind kind, String id, String organizationId) {
    public RunRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
    }

    public static RunRef task(String taskId, String organizationId) {
        return new RunRef(RunKind.TASK, taskId, organizationId);
    }

    public static RunRef workflowRun(String workflowRunId, String organizationId) {
        return new RunRef(RunKind.WORKFLOW_RUN, workflowRunId, organizationId);
    }
}
