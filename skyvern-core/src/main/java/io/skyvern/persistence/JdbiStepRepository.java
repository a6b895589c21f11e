package io.skyvern.persistence;

import io.skyvern.task.Step;
import io.skyvern.task.StepRepository;
import io.skyvern.task.StepStatus;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** {@link StepRepository} on the {@code steps} table. Thread-safe. */
public final class JdbiStepRepository implements StepRepository {
    private final Jdbi jdbi;

    public JdbiStepRepository(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public void insert(Step s) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO steps (step_id, task_id, organization_id, step_order, "
                        + "retry_index, status, url, output, failure_reason, input_tokens, output_tokens, cost, llm_ms, "
                        + "snapshot_ms, action_ms, created_at, started_at, completed_at) VALUES (:id, :task, :org, "
                        + ":order, :retry, :status, :url, :output, :reason, :in, :out, :cost, :llm, :snap, :act, "
                        + ":created, :started, :completed)")
                .bind("id", s.stepId()).bind("task", s.taskId()).bind("org", s.organizationId())
                .bind("order", s.order()).bind("retry", s.retryIndex()).bind("status", s.status().wireName())
                .bind("url", s.url()).bind("output", SqlValues.json(s.output())).bind("reason", s.failureReason())
                .bind("in", s.inputTokens()).bind("out", s.outputTokens()).bind("cost", s.cost())
                .bind("llm", s.llmMs()).bind("snap", s.snapshotMs()).bind("act", s.actionMs())
                .bind("created", SqlValues.time(s.createdAt())).bind("started", SqlValues.time(s.startedAt()))
                .bind("completed", SqlValues.time(s.completedAt()))
                .execute());
    }

    @Override
    public void finish(Step s) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE steps SET status = :status, output = :output, "
                        + "failure_reason = :reason, input_tokens = :in, output_tokens = :out, cost = :cost, "
                        + "llm_ms = :llm, snapshot_ms = :snap, action_ms = :act, completed_at = :completed, "
                        + "settle_ms = :settle, settle_waited_for = :settleFor, image_bytes = :img WHERE step_id = :id")
                .bind("status", s.status().wireName()).bind("output", SqlValues.json(s.output()))
                .bind("reason", s.failureReason()).bind("in", s.inputTokens()).bind("out", s.outputTokens())
                .bind("cost", s.cost()).bind("llm", s.llmMs()).bind("snap", s.snapshotMs()).bind("act", s.actionMs())
                .bind("completed", SqlValues.time(s.completedAt())).bind("id", s.stepId())
                .bind("settle", s.settleMs()).bind("settleFor", clip(s.settleWaitedFor())).bind("img", s.imageBytes())
                .execute());
    }

    @Override
    public List<Step> listByTask(String taskId, Set<StepStatus> statuses) {
        List<StepStatus> wanted = statuses.stream().sorted().toList();
        StringBuilder sql = new StringBuilder("SELECT * FROM steps WHERE task_id = :task");
        if (!wanted.isEmpty()) {
            sql.append(" AND status IN (");
            for (int i = 0; i < wanted.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(":s").append(i);
            }
            sql.append(')');
        }
        sql.append(" ORDER BY step_order, retry_index");
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("task", taskId);
            for (int i = 0; i < wanted.size(); i++) {
                q.bind("s" + i, wanted.get(i).wireName());
            }
            return q.map(JdbiStepRepository::map).list();
        });
    }

    private static Step map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Step(rs.getString("step_id"), rs.getString("task_id"), rs.getString("organization_id"),
                rs.getInt("step_order"), rs.getInt("retry_index"), StepStatus.parse(rs.getString("status")),
                rs.getString("url"), SqlValues.jsonNode(rs, "output"), rs.getString("failure_reason"),
                rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getDouble("cost"),
                rs.getLong("llm_ms"), rs.getLong("snapshot_ms"), rs.getLong("action_ms"),
                SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "started_at"),
                SqlValues.instant(rs, "completed_at"), rs.getLong("settle_ms"), rs.getString("settle_waited_for"),
                rs.getLong("image_bytes"));
    }

    private static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
