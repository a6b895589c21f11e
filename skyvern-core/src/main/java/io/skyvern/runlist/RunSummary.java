package io.skyvern.runlist;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of the list: a task ({@code workflowId} null; {@code label} its title or goal, {@code url}
 * its start page) or a workflow run ({@code label} the workflow version's title, {@code url} null).
 * {@code status} is the wire name; tasks and workflow runs share the status names.
 */
public record RunSummary(RunKind kind, String runId, String workflowId, String label, String url, String status,
                         Instant createdAt) {
    public RunSummary {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
