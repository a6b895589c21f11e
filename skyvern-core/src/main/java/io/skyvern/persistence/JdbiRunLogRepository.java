package io.skyvern.persistence;

import io.skyvern.runlog.RunLog;
import io.skyvern.runlog.RunLogRepository;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/** {@link RunLogRepository} on the {@code run_logs} table. Thread-safe. */
public final class JdbiRunLogRepository implements RunLogRepository {
    private final Jdbi jdbi;

    public JdbiRunLogRepository(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public void insert(RunLog log) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO run_logs (log_id, organization_id, task_id, workflow_run_id, "
                        + "level, message, data, created_at) VALUES (:id, :org, :task, :run, :level, :message, :data, "
                        + ":created)")
                .bind("id", log.logId()).bind("org", log.organizationId()).bind("task", log.taskId())
                .bind("run", log.workflowRunId()).bind("level", log.level()).bind("message", log.message())
                .bind("data", SqlValues.json(log.data())).bind("created", SqlValues.time(log.createdAt()))
                .execute());
    }

    @Override
    public List<RunLog> listByTask(String taskId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM run_logs WHERE task_id = :id ORDER BY created_at, log_id")
                .bind("id", taskId).map(JdbiRunLogRepository::map).list());
    }

    @Override
    public List<RunLog> listByWorkflowRun(String workflowRunId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM run_logs WHERE workflow_run_id = :id "
                        + "ORDER BY created_at, log_id")
                .bind("id", workflowRunId).map(JdbiRunLogRepository::map).list());
    }

    private static RunLog map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RunLog(rs.getString("log_id"), rs.getString("organization_id"), rs.getString("task_id"),
                rs.getString("workflow_run_id"), rs.getString("level"), rs.getString("message"),
                SqlValues.jsonNode(rs, "data"), SqlValues.instant(rs, "created_at"));
    }
}
