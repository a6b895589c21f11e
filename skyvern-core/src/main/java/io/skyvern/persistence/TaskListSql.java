package io.skyvern.persistence;

import io.skyvern.common.SortOrder;
import io.skyvern.task.TaskQuery;
import io.skyvern.task.TaskSortField;
import io.skyvern.task.TaskStatus;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL of the task list. Only fixed fragments are concatenated (column names chosen from the
 * sort enum, placeholders numbered by us); every user value is a bind parameter.
 *
 * <p>The list indexes all lead with {@code (organization_id, status)} then the sort key and
 * task_id (V1, V10, V40): one index per sort serves every status filter. A list of one status is
 * one index range read in order. A list of several statuses, or of all of them, is a merge: the
 * first {@code offset + limit} rows of each status's range (each an ordered index read that stops
 * early), then the page of their union. Indexes without status, which only served unfiltered
 * lists, would cost every create five more index entries.
 *
 * <p>Nulls of completed_at sort as PostgreSQL's B-tree stores them (last ascending, first
 * descending) so both backends give the same order and can walk the index in either direction.
 */
final class TaskListSql {
    private final StringBuilder rest = new StringBuilder();
    private final Map<String, Object> binds = new LinkedHashMap<>();
    private final TaskQuery query;
    /** The statuses the query asks for, in a fixed order; empty means every status. */
    private final List<TaskStatus> statuses;
    /** The status ranges a page is read from: the asked ones, or every status. */
    private final List<TaskStatus> ranges;

    TaskListSql(String organizationId, TaskQuery query) {
        this.query = query;
        binds.put("org", organizationId);
        statuses = query.statuses().stream().sorted().toList();
        ranges = statuses.isEmpty() ? Arrays.asList(TaskStatus.values()) : statuses;
        query.createdAfter().ifPresent(after -> {
            rest.append(" AND created_at > :createdAfter");
            binds.put("createdAfter", SqlValues.time(after));
        });
        query.createdBefore().ifPresent(before -> {
            rest.append(" AND created_at < :createdBefore");
            binds.put("createdBefore", SqlValues.time(before));
        });
        query.search().filter(s -> !s.isBlank()).ifPresent(text -> {
            rest.append(" AND LOWER(navigation_goal) LIKE :search ESCAPE '!'");
            binds.put("search", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        });
    }

    /** The binds of {@link #count()}. */
    Map<String, Object> binds() {
        Map<String, Object> all = new LinkedHashMap<>(binds);
        if (!statuses.isEmpty()) {
            putStatuses(all);
        }
        return all;
    }

    /** The binds of {@link #select}: the filters and the page. */
    Map<String, Object> selectBinds() {
        Map<String, Object> all = new LinkedHashMap<>(binds);
        putStatuses(all);
        all.put("limit", query.page().pageSize());
        all.put("offset", query.page().offset());
        if (ranges.size() > 1) {
            all.put("window", query.page().offset() + query.page().pageSize());
        }
        return all;
    }

    private void putStatuses(Map<String, Object> into) {
        for (int i = 0; i < ranges.size(); i++) {
            into.put("status" + i, ranges.get(i).wireName());
        }
    }

    /** The page query; {@code columns} are the ones to return. */
    String select(String columns) {
        TaskSortField field = query.sortBy();
        SortOrder order = query.sortOrder();
        if (ranges.size() == 1) {
            return "SELECT " + columns + " FROM tasks WHERE " + range(0) + " ORDER BY " + indexOrder(field, order)
                    + " LIMIT :limit OFFSET :offset";
        }
        String branchColumns = withSortKeys(columns, field);
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < ranges.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT ").append(branchColumns).append(" FROM tasks WHERE ")
                    .append(range(i)).append(" ORDER BY ").append(indexOrder(field, order)).append(" LIMIT :window)");
        }
        return sql.append(" ORDER BY ").append(sortKeys(field, order)).append(" LIMIT :limit OFFSET :offset")
                .toString();
    }

    /**
     * The total. With several statuses it is a sum of one count per status: H2 does not turn
     * {@code status IN (...)} into index ranges and would read every task of the organisation.
     */
    String count() {
        if (statuses.isEmpty()) {
            return "SELECT COUNT(*) FROM tasks WHERE organization_id = :org" + rest;
        }
        if (statuses.size() == 1) {
            return "SELECT COUNT(*) FROM tasks WHERE " + range(0);
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < statuses.size(); i++) {
            sql.append(i == 0 ? "" : " + ").append("(SELECT COUNT(*) FROM tasks WHERE ").append(range(i)).append(')');
        }
        return sql.toString();
    }

    private String range(int i) {
        return "organization_id = :org AND status = :status" + i + rest;
    }

    /**
     * The order of one status's range, written out in full: the columns fixed by equality
     * (organisation, status) lead the ORDER BY although they do not change the order, because H2
     * only reads a sorted index range when the ORDER BY names the index's leading columns;
     * PostgreSQL ignores constant sort keys.
     */
    private static String indexOrder(TaskSortField field, SortOrder order) {
        String dir = order == SortOrder.ASC ? " ASC" : " DESC";
        return "organization_id" + dir + ", " + (field == TaskSortField.STATUS ? "" : "status" + dir + ", ")
                + sortKeys(field, order);
    }

    /** The order the user asked for, ties broken by task_id. */
    private static String sortKeys(TaskSortField field, SortOrder order) {
        String dir = order == SortOrder.ASC ? " ASC" : " DESC";
        return switch (field) {
            case CREATED_AT -> "created_at" + dir;
            case STATUS -> "status" + dir + ", created_at" + dir;
            case MODIFIED_AT -> "modified_at" + dir;
            case COMPLETED_AT -> "completed_at" + dir + (order == SortOrder.ASC ? " NULLS LAST" : " NULLS FIRST");
            case URL -> "sort_url" + dir;
            case NAVIGATION_GOAL -> "sort_goal" + dir;
        } + ", task_id" + dir;
    }

    /** The merge sorts the union by the sort keys, so each branch must return them. */
    private static String withSortKeys(String columns, TaskSortField field) {
        List<String> have = Arrays.stream(columns.split(",")).map(String::strip).toList();
        List<String> keys = switch (field) {
            case CREATED_AT -> List.of("created_at");
            case STATUS -> List.of("status", "created_at");
            case MODIFIED_AT -> List.of("modified_at");
            case COMPLETED_AT -> List.of("completed_at");
            case URL -> List.of("sort_url");
            case NAVIGATION_GOAL -> List.of("sort_goal");
        };
        StringBuilder all = new StringBuilder(columns);
        for (String key : keys) {
            if (!have.contains(key)) {
                all.append(", ").append(key);
            }
        }
        return have.contains("task_id") ? all.toString() : all.append(", task_id").toString();
    }

    /** '!' is the escape character: it cannot be mistaken for a backslash escape on either backend. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
