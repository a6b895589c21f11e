package io.skyvern.persistence;

import io.skyvern.runlist.RunListQuery;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL of the organisation-wide runs list: tasks and workflow runs in one query. Each side is
 * an ordered index read (tasks: V1/V40's (organization_id[, status], created_at, task_id); workflow
 * runs: V130's) cut at {@code offset + limit} rows, and the page is taken from their union, so a
 * page costs at most twice its window whatever the organisation holds. Only fixed fragments are
 * concatenated; every user value is a bind parameter.
 */
final class RunListSql {
    private static final String TASK_COLUMNS = "'task' AS kind, task_id AS run_id, CAST(NULL AS VARCHAR(64)) AS "
            + "workflow_id, COALESCE(title, navigation_goal) AS label, url, status, created_at";
    private static final String RUN_COLUMNS = "'workflow_run' AS kind, r.workflow_run_id AS run_id, r.workflow_id, "
            + "w.title AS label, CAST(NULL AS VARCHAR(8192)) AS url, r.status, r.created_at";
    private static final String RUN_FROM = " FROM workflow_runs r JOIN workflows w ON w.workflow_id = r.workflow_id"
            + " AND w.version = r.workflow_version";
    private final StringBuilder tasks = new StringBuilder(" FROM tasks WHERE organization_id = :org");
    private final StringBuilder runs = new StringBuilder(" WHERE r.organization_id = :org");
    private final Map<String, Object> binds = new LinkedHashMap<>();
    private final RunListQuery query;

    RunListSql(String organizationId, RunListQuery query) {
        this.query = query;
        binds.put("org", organizationId);
        query.status().ifPresent(status -> {
            tasks.append(" AND status = :status");
            runs.append(" AND r.status = :status");
            binds.put("status", status);
        });
        query.createdAfter().ifPresent(after -> {
            tasks.append(" AND created_at >= :after");
            runs.append(" AND r.created_at >= :after");
            binds.put("after", SqlValues.time(after));
        });
        query.text().ifPresent(text -> {
            tasks.append(" AND (LOWER(navigation_goal) LIKE :text ESCAPE '!' OR LOWER(COALESCE(title, '')) LIKE :text"
                    + " ESCAPE '!' OR LOWER(url) LIKE :text ESCAPE '!')");
            runs.append(" AND LOWER(w.title) LIKE :text ESCAPE '!'");
            binds.put("text", "%" + TaskListSql.escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        });
    }

    Map<String, Object> binds() {
        return binds;
    }

    Map<String, Object> pageBinds() {
        Map<String, Object> all = new LinkedHashMap<>(binds);
        all.put("window", query.page().offset() + query.page().pageSize());
        all.put("limit", query.page().pageSize());
        all.put("offset", query.page().offset());
        return all;
    }

    /**
     * The page. The ORDER BYs inside the branches name the organisation (and status) first for
     * H2, which only reads an index range in order when the ORDER BY starts with its leading
     * columns; PostgreSQL ignores constant sort keys. The union is ordered and cut at the top level,
     * not as a derived table: H2 2.4 returned empty pages past the second one for the latter.
     */
    String page() {
        String lead = "organization_id DESC, " + (query.status().isPresent() ? "status DESC, " : "");
        return "(SELECT " + TASK_COLUMNS + tasks + " ORDER BY " + lead
                + "created_at DESC, task_id DESC LIMIT :window) UNION ALL (SELECT " + RUN_COLUMNS + RUN_FROM + runs
                + " ORDER BY r." + lead.replace(", status", ", r.status") + "r.created_at DESC, r.workflow_run_id DESC"
                + " LIMIT :window) ORDER BY created_at DESC, run_id DESC LIMIT :limit OFFSET :offset";
    }

    /** The total: one count per kind (the workflow join only when the text filter needs the title). */
    String count() {
        String runFrom = query.text().isPresent() ? RUN_FROM : " FROM workflow_runs r";
        return "SELECT (SELECT COUNT(*)" + tasks + ") + (SELECT COUNT(*)" + runFrom + runs + ")";
    }
}
