package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.common.TimeOrderedIdGenerator;
import io.skyvern.config.OrgLimits;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiWorkflowRepository;
import io.skyvern.persistence.JdbiWorkflowRunRepository;
import io.skyvern.testing.TestDatabases;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static io.skyvern.workflow.WorkflowValidatorTest.json;

/**
 * A fresh database of the backend under test with a wired {@link WorkflowService}, a clock that
 * advances one millisecond per reading (so "newest first" is deterministic) and organisation
 * limits read from the organisations table.
 */
final class WorkflowTestBed implements AutoCloseable {
    final Database database = Database.open(TestDatabases.fresh());
    final TickingClock clock = new TickingClock(Instant.parse("2026-03-01T10:00:00Z"));
    final JdbiWorkflowRunRepository runs = new JdbiWorkflowRunRepository(database);
    final WorkflowService service = new WorkflowService(new JdbiWorkflowRepository(database), runs,
            this::limitsOf, clock, new TimeOrderedIdGenerator(clock));

    static WorkflowRequest request(String title) {
        return new WorkflowRequest(title, "A test workflow", definition(), null, null);
    }

    static WorkflowRequest requestWithSchema(String title, JsonNode schema) {
        return new WorkflowRequest(title, "A test workflow", definition(), schema, null);
    }

    static JsonNode definition() {
        return json("{'blocks':[{'id':'open','type':'navigation','parameters':{'url':'https://shop.test',"
                + "'navigation_goal':'open it'}},{'id':'read','type':'extraction','parameters':"
                + "{'data_extraction_goal':'price'}}],'connections':[{'source':'open','target':'read'}]}");
    }

    long count(String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** Moves a run to a status directly, as a worker would, with a start and completion time. */
    void finishRun(String runId, WorkflowRunStatus status, Instant started, Instant completed) {
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE workflow_runs SET status = :s, started_at = :st, "
                        + "completed_at = :c WHERE workflow_run_id = :id").bind("s", status.wireName())
                .bind("st", started.atOffset(ZoneOffset.UTC)).bind("c", completed == null ? null : completed.atOffset(ZoneOffset.UTC))
                .bind("id", runId).execute());
    }

    void insertLog(String orgId, String runId, String logId, String message) {
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO run_logs (log_id, organization_id, workflow_run_id, "
                        + "level, message, data, created_at) VALUES (:id, :org, :run, 'info', :m, '{\"k\":1}', :t)")
                .bind("id", logId).bind("org", orgId).bind("run", runId).bind("m", message)
                .bind("t", clock.instant().atOffset(ZoneOffset.UTC)).execute());
    }

    private OrgLimits limitsOf(String organizationId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT max_concurrent_tasks, max_concurrent_workflow_runs, "
                        + "max_workflow_blocks, max_queued_tasks FROM organizations WHERE organization_id = :id")
                .bind("id", organizationId)
                .map((rs, ctx) -> new OrgLimits(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).findOne())
                .orElseThrow(() -> SkyvernException.notFound(ErrorCode.ORGANIZATION_NOT_FOUND, "Organization", organizationId));
    }

    @Override
    public void close() {
        database.close();
    }

    /** A clock that moves forward one millisecond each time it is read. */
    static final class TickingClock extends Clock {
        private final AtomicLong millis;

        TickingClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.incrementAndGet());
        }
    }
}
