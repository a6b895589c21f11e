package io.skyvern.runlist;

import io.skyvern.common.PageRequest;
import io.skyvern.task.TaskStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Filters of the runs list: one status (a wire name; tasks and workflow runs share them), created
 * at or after an instant, text in the title, goal or URL (case-insensitive), and the page.
 */
public record RunListQuery(Optional<String> status, Optional<Instant> createdAfter, Optional<String> text,
                           PageRequest page) {
    public RunListQuery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAfter, "createdAfter");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(page, "page");
        status = status.map(s -> TaskStatus.parse(s).wireName());  // VALIDATION_ERROR for a status no run has
        text = text.map(String::strip).filter(t -> !t.isEmpty());
    }
}
