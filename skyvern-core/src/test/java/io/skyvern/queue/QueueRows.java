package io.skyvern.queue;

import io.skyvern.common.RunPriority;
import io.skyvern.persistence.Database;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Test fixture: inserts queued task and workflow-run rows directly with SQL (the services that
 * normally create them are built elsewhere) and reads their queue columns back.
 */
final class QueueRows {
    private final Database db;

    QueueRows(Database db) {
        this.db = db;
    }

    String task(String org, RunPriority priority, Instant createdAt) {
        String id = "tsk_" + UUID.randomUUID().toString().replace("-", "");
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO tasks (task_id, organization_id, status, priority, url, "
                        + "navigation_goal, max_steps, sort_url, sort_goal, created_at, modified_at) VALUES "
                        + "(:id, :org, 'queued', :p, 'https://example.test', 'goal', 10, 'u', 'g', :t, :t)")
                .bind("id", id).bind("org", org).bind("p", priority.rank()).bind("t", createdAt).execute());
        return id;
    }

    String workflowRun(String org, RunPriority priority, Instant createdAt) {
        String wf = "wf_" + org;
        db.jdbi().useHandle(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM workflows WHERE workflow_id = :wf")
                    .bind("wf", wf).mapTo(Integer.class).one() > 0;
            if (!exists) {
                h.createUpdate("INSERT INTO workflows (workflow_id, version, organization_id, title, definition, "
                                + "is_active, is_latest, created_at, modified_at) VALUES "
                                + "(:wf, 1, :org, 't', '{}', TRUE, TRUE, :t, :t)")
                        .bind("wf", wf).bind("org", org).bind("t", createdAt).execute();
            }
        });
        String id = "wr_" + UUID.randomUUID().toString().replace("-", "");
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO workflow_runs (workflow_run_id, workflow_id, "
                        + "workflow_version, organization_id, status, priority, parameters, created_at, modified_at) "
                        + "VALUES (:id, :wf, 1, :org, 'queued', :p, '{}', :t, :t)")
                .bind("id", id).bind("wf", wf).bind("org", org).bind("p", priority.rank())
                .bind("t", createdAt).execute());
        return id;
    }

    /** status, claimed_by, attempts, failure_reason, lease_expires_at of a run. */
    Map<String, Object> row(RunRef ref) {
        String table = ref.kind() == RunKind.TASK ? "tasks" : "workflow_runs";
        String idCol = ref.kind() == RunKind.TASK ? "task_id" : "workflow_run_id";
        return db.jdbi().withHandle(h -> h.createQuery("SELECT status, claimed_by, attempts, failure_reason, "
                        + "lease_expires_at, started_at FROM " + table + " WHERE " + idCol + " = :id")
                .bind("id", ref.id()).mapToMap().one());
    }

    String status(RunRef ref) {
        return (String) row(ref).get("status");
    }

    void setStatus(RunRef ref, String status) {
        update(ref, "status = '" + status + "'");
    }

    void update(RunRef ref, String assignments) {
        String table = ref.kind() == RunKind.TASK ? "tasks" : "workflow_runs";
        String idCol = ref.kind() == RunKind.TASK ? "task_id" : "workflow_run_id";
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE " + table + " SET " + assignments + " WHERE " + idCol + " = :id")
                .bind("id", ref.id()).execute());
    }
}
