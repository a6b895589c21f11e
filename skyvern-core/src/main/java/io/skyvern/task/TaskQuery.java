package io.skyvern.task;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.PageRequest;
import io.skyvern.common.SkyvernException;
import io.skyvern.common.SortOrder;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Filters, sort and page of a task list. Empty {@code statuses} means every status. */
public record TaskQuery(Set<TaskStatus> statuses, Optional<Instant> createdAfter, Optional<Instant> createdBefore,
                        Optional<String> search, TaskSortField sortBy, SortOrder sortOrder, PageRequest page) {
    public TaskQuery {
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(createdAfter);
        Objects.requireNonNull(createdBefore);
        Objects.requireNonNull(search);
        Objects.requireNonNull(sortBy);
        Objects.requireNonNull(sortOrder);
        Objects.requireNonNull(page);
        createdAfter.ifPresent(t -> requireStorable("created_after", t));
        createdBefore.ifPresent(t -> requireStorable("created_before", t));
    }

    /** Years 1 to 9999: what both databases can compare against; beyond that PostgreSQL fails. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static void requireStorable(String field, Instant value) {
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR,
                    field + " must be between years 1 and 9999 (got " + value + ")");
        }
    }

    /** Newest first, first page of 20, no filter. */
    public static TaskQuery defaults() {
        return new TaskQuery(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                TaskSortField.CREATED_AT, SortOrder.DESC, PageRequest.first());
    }

    public TaskQuery withStatuses(List<TaskStatus> newStatuses) {
        return new TaskQuery(Set.copyOf(newStatuses), createdAfter, createdBefore, search, sortBy, sortOrder, page);
    }

    public TaskQuery withSort(TaskSortField field, SortOrder order) {
        return new TaskQuery(statuses, createdAfter, createdBefore, search, field, order, page);
    }

    public TaskQuery withPage(PageRequest newPage) {
        return new TaskQuery(statuses, createdAfter, createdBefore, search, sortBy, sortOrder, newPage);
    }

    public TaskQuery withSearch(String text) {
        return new TaskQuery(statuses, createdAfter, createdBefore, Optional.ofNullable(text), sortBy, sortOrder, page);
    }

    public TaskQuery withCreatedRange(Instant after, Instant before) {
        return new TaskQuery(statuses, Optional.ofNullable(after), Optional.ofNullable(before), search, sortBy, sortOrder, page);
    }
}
