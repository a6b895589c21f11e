package io.skyvern.workflow;

import io.skyvern.common.PageRequest;

import java.util.Objects;
import java.util.Set;

/** Workflow-run list options: statuses (empty = all) and page; newest first. */
public record RunQuery(Set<WorkflowRunStatus> statuses, PageRequest page) {
    public RunQuery {
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(page);
    }

    public static RunQuery defaults() {
        return new RunQuery(Set.of(), PageRequest.first());
    }
}
