package io.skyvern.workflow;

import io.skyvern.common.PageRequest;

import java.util.Objects;
import java.util.Optional;

/** Workflow list options: title search, only active ones, page. Lists show the latest versions. */
public record WorkflowQuery(Optional<String> search, Optional<Boolean> active, PageRequest page) {
    public WorkflowQuery {
        Objects.requireNonNull(search);
        Objects.requireNonNull(active);
        Objects.requireNonNull(page);
    }

    public static WorkflowQuery defaults() {
        return new WorkflowQuery(Optional.empty(), Optional.empty(), PageRequest.first());
    }
}
