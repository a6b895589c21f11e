package io.skyvern.persistence;

import io.skyvern.workflow.WorkflowQuery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQL of the workflow list: the latest, not deleted version of each workflow of an
 * organisation, newest first, optionally searched by title or filtered by is_active. Only fixed
 * fragments are concatenated; every user value is a bind parameter.
 *
 * <p>Both statements are served by {@code ix_workflows_org_list (organization_id, is_latest,
 * deleted_at, created_at, workflow_id, is_active, title)} (V50), which holds every column they
 * filter on: the total is counted from the index alone, and the page is found there too (the
 * index range read backwards, skipping the offset and checking search and active flag on the
 * index entries) before only its rows are fetched, by primary key. Without that split,
 * PostgreSQL would fetch a table row for every index entry it skips or checks, and prefers a
 * scan of the whole table and a sort as soon as a search or a deep page makes that look cheaper.
 */
final class WorkflowListSql {
    private static final String RANGE = " FROM workflows WHERE organization_id = :org AND is_latest = TRUE "
            + "AND deleted_at IS NULL";
    /**
     * created_at DESC, workflow_id DESC, with the columns fixed by the filter named first: H2
     * only reads an index in order when the ORDER BY names the index's leading columns;
     * PostgreSQL drops the constant organisation and reads the same index backwards. deleted_at
     * takes each backend's default NULL order, which is its own index read backwards (H2 stores
     * NULLs first, PostgreSQL last); every listed row has a NULL there, so it does not change the
     * order the user sees.
     */
    private static final String ORDER = " ORDER BY organization_id DESC, is_latest DESC, deleted_at DESC, "
            + "created_at DESC, workflow_id DESC";

    private final StringBuilder where = new StringBuilder(RANGE);
    private final Map<String, Object> binds = new LinkedHashMap<>();
    private final WorkflowQuery query;

    WorkflowListSql(String organizationId, WorkflowQuery query) {
        this.query = query;
        binds.put("org", organizationId);
        query.search().filter(s -> !s.isBlank()).ifPresent(s -> {
            where.append(" AND LOWER(title) LIKE :pattern ESCAPE '!'");
            binds.put("pattern", WorkflowSql.containsPattern(s));
        });
        query.active().ifPresent(active -> {
            where.append(" AND is_active = :active");
            binds.put("active", active);
        });
    }

    /** The total of the list. */
    String count() {
        return "SELECT COUNT(*)" + where;
    }

    /** The binds of {@link #count()}. */
    Map<String, Object> binds() {
        return new LinkedHashMap<>(binds);
    }

    /**
     * The page; {@code columns} are the ones to return. The ids of the page come from the index
     * (a subquery with the list's order and limit); the outer query only looks those rows up and
     * puts the page's few rows back in order.
     */
    String select(String columns) {
        return "SELECT " + columns + RANGE + " AND workflow_id IN (SELECT workflow_id" + where + ORDER
                + " LIMIT :limit OFFSET :offset) ORDER BY created_at DESC, workflow_id DESC";
    }

    /** The binds of {@link #select}: the filters and the page. */
    Map<String, Object> selectBinds() {
        Map<String, Object> all = binds();
        all.put("limit", query.page().pageSize());
        all.put("offset", query.page().offset());
        return all;
    }
}
