package io.skyvern.persistence;

import io.skyvern.common.SortOrder;
import io.skyvern.task.TaskQuery;
import io.skyvern.task.TaskSortField;
import io.skyvern.task.TaskStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL of the task list. Only fixed fragments are concatenated (column names chosen from the
 * sort enum, placeholders numbered by us); every user value is a bind parameter.
 *
 * <p>Every sort is {@code ORDER BY <col> <dir>, task_id <dir>} under {@code organization_id = ?}
 * (and {@code status = ?}), which is exactly the column order of the V1 indexes, so the first page
 * is a short index range scan. Nulls of completed_at sort as PostgreSQL's B-tree stores them
 * (last ascending, first descending) so both backends give the same order and PostgreSQL can
 * walk the index in either direction.
 */
final class TaskListSql {
    private final StringBuilder rest = new StringBuilder();
    private final Map<String, Object> binds = new LinkedHashMap<>();
    private final List<TaskStatus> statuses;

    TaskListSql(String organizationId, TaskQuery query) {
        binds.put("org", organizationId);
        statuses = query.statuses().stream().sorted().toList();
        for (int i = 0; i < statuses.size(); i++) {
            binds.put("status" + i, statuses.get(i).wireName());
        }
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

    Map<String, Object> binds() {
        return binds;
    }

    /** The page query. */
    String select(String columns, TaskSortField field, SortOrder order) {
        return "SELECT " + columns + " FROM tasks WHERE " + where() + " ORDER BY " + orderBy(field, order)
                + " LIMIT :limit OFFSET :offset";
    }

    /**
     * The total. With several statuses it is a sum of one count per status: H2 does not turn
     * {@code status IN (...)} into index ranges and would read every task of the organisation.
     */
    String count() {
        if (statuses.size() <= 1) {
            return "SELECT COUNT(*) FROM tasks WHERE " + where();
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < statuses.size(); i++) {
            sql.append(i == 0 ? "" : " + ").append("(SELECT COUNT(*) FROM tasks WHERE organization_id = :org AND ")
                    .append("status = :status").append(i).append(rest).append(')');
        }
        return sql.toString();
    }

    private String where() {
        StringBuilder where = new StringBuilder("organization_id = :org");
        if (statuses.size() == 1) {
            where.append(" AND status = :status0");
        } else if (!statuses.isEmpty()) {
            where.append(" AND status IN (");
            for (int i = 0; i < statuses.size(); i++) {
                where.append(i == 0 ? "" : ", ").append(":status").append(i);
            }
            where.append(')');
        }
        return where.append(rest).toString();
    }

    /**
     * The columns fixed by equality (organisation, and the status when only one is asked for) lead
     * the ORDER BY although they do not change the order: H2 only reads a sorted index range when
     * the ORDER BY names the index's leading columns; PostgreSQL ignores constant sort keys.
     */
    private String orderBy(TaskSortField field, SortOrder order) {
        String dir = order == SortOrder.ASC ? " ASC" : " DESC";
        String lead = "organization_id" + dir + ", "
                + (statuses.size() == 1 || field == TaskSortField.STATUS ? "status" + dir + ", " : "");
        return lead + switch (field) {
            case CREATED_AT, STATUS -> "created_at" + dir;
            case MODIFIED_AT -> "modified_at" + dir;
            case COMPLETED_AT -> "completed_at" + dir + (order == SortOrder.ASC ? " NULLS LAST" : " NULLS FIRST");
            case URL -> "sort_url" + dir;
            case NAVIGATION_GOAL -> "sort_goal" + dir;
        } + ", task_id" + dir;
    }

    /** '!' is the escape character: it cannot be mistaken for a backslash escape on either backend. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
