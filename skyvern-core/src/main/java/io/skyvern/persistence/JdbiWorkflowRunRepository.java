package io.skyvern.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.artifact.Artifact;
import io.skyvern.common.Page;
import io.skyvern.common.RunPriority;
import io.skyvern.runlog.RunLog;
import io.skyvern.workflow.BlockRunStats;
import io.skyvern.workflow.RunQuery;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunBlock;
import io.skyvern.workflow.WorkflowRunRepository;
import io.skyvern.workflow.WorkflowRunStatus;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link WorkflowRunRepository} on {@code workflow_runs}, {@code workflow_run_blocks} and
 * {@code run_logs}. Statuses are stored as wire names, priorities as ranks. Thread-safe.
 */
public final class JdbiWorkflowRunRepository implements WorkflowRunRepository {
    private static final String COLUMNS = "workflow_run_id, workflow_id, workflow_version, organization_id, status, "
            + "priority, parameters, output, failure_reason, webhook_callback_url, max_execution_time_minutes, "
            + "browser_session_id, created_at, modified_at, started_at, completed_at";
    private static final List<String> ACTIVE = List.of(WorkflowRunStatus.CREATED.wireName(),
            WorkflowRunStatus.QUEUED.wireName(), WorkflowRunStatus.RUNNING.wireName());
    private static final List<String> FINAL = Arrays.stream(WorkflowRunStatus.values())
            .filter(WorkflowRunStatus::isFinal).map(WorkflowRunStatus::wireName).toList();
    private static final RowMapper<WorkflowRun> RUN = (rs, ctx) -> new WorkflowRun(rs.getString("workflow_run_id"),
            rs.getString("workflow_id"), rs.getInt("workflow_version"), rs.getString("organization_id"),
            WorkflowRunStatus.parse(rs.getString("status")), RunPriority.fromRank(rs.getInt("priority")),
            WorkflowSql.json(rs, "parameters"), WorkflowSql.json(rs, "output"), rs.getString("failure_reason"),
            rs.getString("webhook_callback_url"), WorkflowSql.nullableInt(rs, "max_execution_time_minutes"),
            rs.getString("browser_session_id"), WorkflowSql.instant(rs, "created_at"),
            WorkflowSql.instant(rs, "modified_at"), WorkflowSql.instant(rs, "started_at"),
            WorkflowSql.instant(rs, "completed_at"));
    private static final RowMapper<WorkflowRunBlock> BLOCK = (rs, ctx) -> new WorkflowRunBlock(
            rs.getString("workflow_run_block_id"), rs.getString("workflow_run_id"), rs.getString("block_id"),
            rs.getString("block_type"), rs.getInt("block_order"), WorkflowSql.nullableInt(rs, "loop_index"),
            rs.getString("status"), WorkflowSql.json(rs, "output"), rs.getString("failure_reason"),
            rs.getString("task_id"), rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getDouble("cost"),
            WorkflowSql.instant(rs, "created_at"), WorkflowSql.instant(rs, "started_at"),
            WorkflowSql.instant(rs, "completed_at"));
    private static final RowMapper<RunLog> LOG = (rs, ctx) -> new RunLog(rs.getString("log_id"),
            rs.getString("organization_id"), rs.getString("task_id"), rs.getString("workflow_run_id"),
            rs.getString("level"), rs.getString("message"), WorkflowSql.json(rs, "data"),
            WorkflowSql.instant(rs, "created_at"));

    private final Jdbi jdbi;
    private final JdbiArtifactMetadataRepository artifacts;

    public JdbiWorkflowRunRepository(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.artifacts = new JdbiArtifactMetadataRepository(database);
    }

    @Override
    public boolean insertIfBelowLimit(WorkflowRun run, int maxActive) {
        return jdbi.inTransaction(h -> {
            // Locking the organisation row serialises concurrent starts of one organisation, so
            // that count-then-insert cannot let two starts both see "one slot left".
            h.createQuery("SELECT organization_id FROM organizations WHERE organization_id = :org FOR UPDATE")
                    .bind("org", run.organizationId()).mapTo(String.class).findOne();
            long active = h.createQuery("SELECT COUNT(*) FROM workflow_runs WHERE organization_id = :org "
                            + "AND status IN (<active>)")
                    .bind("org", run.organizationId()).bindList("active", ACTIVE).mapTo(Long.class).one();
            if (active >= maxActive) {
                return false;
            }
            h.createUpdate("INSERT INTO workflow_runs (" + COLUMNS + ") VALUES (:id, :workflowId, :version, :org, "
                            + ":status, :priority, :parameters, :output, :failureReason, :webhook, :maxMinutes, "
                            + ":session, :createdAt, :modifiedAt, :startedAt, :completedAt)")
                    .bind("id", run.workflowRunId()).bind("workflowId", run.workflowId())
                    .bind("version", run.workflowVersion()).bind("org", run.organizationId())
                    .bind("status", run.status().wireName()).bind("priority", run.priority().rank())
                    .bind("parameters", WorkflowSql.text(run.parameters())).bind("output", WorkflowSql.text(run.output()))
                    .bind("failureReason", run.failureReason()).bind("webhook", run.webhookCallbackUrl())
                    .bind("maxMinutes", run.maxExecutionTimeMinutes()).bind("session", run.browserSessionId())
                    .bind("createdAt", WorkflowSql.time(run.createdAt()))
                    .bind("modifiedAt", WorkflowSql.time(run.modifiedAt()))
                    .bind("startedAt", WorkflowSql.time(run.startedAt()))
                    .bind("completedAt", WorkflowSql.time(run.completedAt()))
                    .execute();
            return true;
        });
    }

    @Override
    public Optional<WorkflowRun> find(String organizationId, String workflowId, String workflowRunId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM workflow_runs WHERE workflow_run_id = :id "
                        + "AND workflow_id = :wf AND organization_id = :org")
                .bind("id", workflowRunId).bind("wf", workflowId).bind("org", organizationId).map(RUN).findOne());
    }

    @Override
    public Optional<WorkflowRun> findById(String organizationId, String workflowRunId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM workflow_runs WHERE workflow_run_id = :id "
                        + "AND organization_id = :org")
                .bind("id", workflowRunId).bind("org", organizationId).map(RUN).findOne());
    }

    @Override
    public boolean finish(String workflowRunId, WorkflowRunStatus expected, WorkflowRunStatus next, JsonNode output,
                          String failureReason, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE workflow_runs SET status = :next, modified_at = :at, "
                        + "output = :output, failure_reason = COALESCE(:reason, failure_reason), "
                        + "completed_at = :completedAt, lease_expires_at = NULL "
                        + "WHERE workflow_run_id = :id AND status = :expected")
                .bind("next", next.wireName()).bind("at", WorkflowSql.time(at)).bind("output", WorkflowSql.text(output))
                .bind("reason", failureReason).bind("completedAt", WorkflowSql.time(next.isFinal() ? at : null))
                .bind("id", workflowRunId).bind("expected", expected.wireName()).execute()) == 1;
    }

    @Override
    public void storeOutput(String workflowRunId, JsonNode output, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE workflow_runs SET output = :output, modified_at = :at "
                        + "WHERE workflow_run_id = :id")
                .bind("output", WorkflowSql.text(output)).bind("at", WorkflowSql.time(at)).bind("id", workflowRunId)
                .execute());
    }

    @Override
    public Page<WorkflowRun> list(String organizationId, String workflowId, RunQuery query) {
        String where = " FROM workflow_runs WHERE organization_id = :org AND workflow_id = :wf"
                + (query.statuses().isEmpty() ? "" : " AND status IN (<statuses>)");
        return jdbi.withHandle(h -> {
            long total = filters(h.createQuery("SELECT COUNT(*)" + where), organizationId, workflowId, query)
                    .mapTo(Long.class).one();
            List<WorkflowRun> items = filters(h.createQuery("SELECT " + COLUMNS + where
                    + " ORDER BY created_at DESC, workflow_run_id DESC LIMIT :limit OFFSET :offset"),
                    organizationId, workflowId, query)
                    .bind("limit", query.page().pageSize()).bind("offset", query.page().offset()).map(RUN).list();
            return Page.of(items, query.page(), total);
        });
    }

    @Override
    public boolean transition(String workflowRunId, WorkflowRunStatus expected, WorkflowRunStatus next,
                              String failureReason, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE workflow_runs SET status = :next, modified_at = :at, "
                        + "failure_reason = COALESCE(:reason, failure_reason), completed_at = :completedAt, "
                        + "cancel_requested = :cancel WHERE workflow_run_id = :id AND status = :expected")
                .bind("next", next.wireName()).bind("at", WorkflowSql.time(at)).bind("reason", failureReason)
                .bind("completedAt", WorkflowSql.time(next.isFinal() ? at : null))
                .bind("cancel", next == WorkflowRunStatus.CANCELED)
                .bind("id", workflowRunId).bind("expected", expected.wireName()).execute()) == 1;
    }

    @Override
    public void insertBlock(String organizationId, WorkflowRunBlock b) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO workflow_run_blocks (workflow_run_block_id, workflow_run_id, "
                        + "organization_id, block_id, block_type, block_order, loop_index, status, output, failure_reason, "
                        + "task_id, input_tokens, output_tokens, cost, created_at, started_at, completed_at) VALUES (:id, "
                        + ":run, :org, :blockId, :type, :order, :loopIndex, :status, :output, :reason, :task, :in, :out, "
                        + ":cost, :createdAt, :startedAt, :completedAt)")
                .bind("id", b.workflowRunBlockId()).bind("run", b.workflowRunId()).bind("org", organizationId)
                .bind("blockId", b.blockId()).bind("type", b.blockType()).bind("order", b.order())
                .bind("loopIndex", b.loopIndex()).bind("status", b.status()).bind("output", WorkflowSql.text(b.output()))
                .bind("reason", b.failureReason()).bind("task", b.taskId()).bind("in", b.inputTokens())
                .bind("out", b.outputTokens()).bind("cost", b.cost()).bind("createdAt", WorkflowSql.time(b.createdAt()))
                .bind("startedAt", WorkflowSql.time(b.startedAt()))
                .bind("completedAt", WorkflowSql.time(b.completedAt())).execute());
    }

    @Override
    public void finishBlock(String workflowRunBlockId, String status, JsonNode output, String failureReason,
                            long inputTokens, long outputTokens, double cost, Instant completedAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE workflow_run_blocks SET status = :status, output = :output, "
                        + "failure_reason = :reason, input_tokens = :in, output_tokens = :out, cost = :cost, "
                        + "completed_at = :at WHERE workflow_run_block_id = :id")
                .bind("status", status).bind("output", WorkflowSql.text(output)).bind("reason", failureReason)
                .bind("in", inputTokens).bind("out", outputTokens).bind("cost", cost)
                .bind("at", WorkflowSql.time(completedAt)).bind("id", workflowRunBlockId).execute());
    }

    @Override
    public List<WorkflowRunBlock> blocksOf(String workflowRunId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM workflow_run_blocks WHERE workflow_run_id = :id "
                        + "ORDER BY block_order, loop_index, created_at").bind("id", workflowRunId).map(BLOCK).list());
    }

    @Override
    public List<Artifact> artifactsOf(String organizationId, String workflowRunId) {
        return artifacts.listByWorkflowRun(organizationId, workflowRunId);
    }

    @Override
    public List<RunLog> logsOf(String workflowRunId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM run_logs WHERE workflow_run_id = :id "
                + "ORDER BY created_at, log_id").bind("id", workflowRunId).map(LOG).list());
    }

    @Override
    public Map<WorkflowRunStatus, Long> countByStatus(String organizationId, String workflowId) {
        Map<WorkflowRunStatus, Long> counts = new EnumMap<>(WorkflowRunStatus.class);
        jdbi.useHandle(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM workflow_runs WHERE organization_id = :org "
                        + "AND workflow_id = :wf GROUP BY status").bind("org", organizationId).bind("wf", workflowId)
                .map((rs, ctx) -> Map.entry(WorkflowRunStatus.parse(rs.getString("status")), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    @Override
    public List<Duration> finishedDurations(String organizationId, String workflowId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT created_at, started_at, completed_at FROM workflow_runs "
                        + "WHERE organization_id = :org AND workflow_id = :wf AND completed_at IS NOT NULL "
                        + "AND status IN (<final>)")
                .bind("org", organizationId).bind("wf", workflowId).bindList("final", FINAL)
                .map((rs, ctx) -> {
                    Instant started = WorkflowSql.instant(rs, "started_at");
                    Instant from = started != null ? started : WorkflowSql.instant(rs, "created_at");
                    return Duration.between(from, WorkflowSql.instant(rs, "completed_at"));
                }).list());
    }

    @Override
    public List<BlockRunStats> blockStats(String organizationId, String workflowId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT b.block_id, b.block_type, COUNT(*) AS runs, "
                        + "SUM(CASE WHEN LOWER(b.status) IN ('failed', 'terminated', 'timed_out') THEN 1 ELSE 0 END) "
                        + "AS failures FROM workflow_run_blocks b JOIN workflow_runs r "
                        + "ON r.workflow_run_id = b.workflow_run_id WHERE r.organization_id = :org "
                        + "AND r.workflow_id = :wf GROUP BY b.block_id, b.block_type ORDER BY b.block_id, b.block_type")
                .bind("org", organizationId).bind("wf", workflowId)
                .map((rs, ctx) -> new BlockRunStats(rs.getString("block_id"), rs.getString("block_type"),
                        rs.getLong("runs"), rs.getLong("failures"))).list());
    }

    private static Query filters(Query query, String organizationId, String workflowId, RunQuery runQuery) {
        query.bind("org", organizationId).bind("wf", workflowId);
        if (!runQuery.statuses().isEmpty()) {
            query.bindList("statuses", runQuery.statuses().stream().map(WorkflowRunStatus::wireName).toList());
        }
        return query;
    }
}
