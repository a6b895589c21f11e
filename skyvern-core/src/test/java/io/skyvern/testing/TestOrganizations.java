package io.skyvern.testing;

import io.skyvern.config.OrgLimits;
import io.skyvern.persistence.Database;

import java.time.Instant;
import java.util.UUID;

/**
 * Inserts organisation rows directly, for tests of features that only need an organisation to
 * exist (tasks, workflows) without going through the organisation service.
 */
public final class TestOrganizations {
    private TestOrganizations() {
    }

    public static String insert(Database database) {
        return insert(database, OrgLimits.DEFAULTS);
    }

    public static String insert(Database database, OrgLimits limits) {
        String id = "o_test" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Instant now = Instant.now();
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO organizations (organization_id, name, is_bootstrap, "
                        + "max_concurrent_tasks, max_concurrent_workflow_runs, max_workflow_blocks, max_queued_tasks, "
                        + "webhook_signing_key, created_at, modified_at) VALUES (:id, :name, FALSE, :t, :w, :b, :q, :k, :now, :now)")
                .bind("id", id).bind("name", "test " + id)
                .bind("t", limits.maxConcurrentTasks()).bind("w", limits.maxConcurrentWorkflowRuns())
                .bind("b", limits.maxWorkflowBlocks()).bind("q", limits.maxQueuedTasks())
                .bind("k", "whsec_" + id).bind("now", now)
                .execute());
        return id;
    }
}
