package io.skyvern.persistence;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.task.ActionRecord;
import io.skyvern.task.ActionRepository;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/** {@link ActionRepository} on the {@code actions} table. Thread-safe. */
public final class JdbiActionRepository implements ActionRepository {
    private final Jdbi jdbi;

    public JdbiActionRepository(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public void insert(ActionRecord a) {
        // organization_id is copied from the task row: an action cannot be filed under another org.
        int rows = jdbi.withHandle(h -> h.createUpdate("INSERT INTO actions (action_id, step_id, task_id, organization_id, "
                        + "action_order, action_type, element_id, reasoning, input, status, result_message, duration_ms, "
                        + "created_at) SELECT :id, :step, :task, organization_id, :order, :type, :element, :reasoning, "
                        + ":input, :status, :message, :duration, :created FROM tasks WHERE task_id = :task")
                .bind("id", a.actionId()).bind("step", a.stepId()).bind("task", a.taskId())
                .bind("order", a.order()).bind("type", a.actionType()).bind("element", a.elementId())
                .bind("reasoning", a.reasoning()).bind("input", SqlValues.json(a.input()))
                .bind("status", a.status()).bind("message", a.resultMessage()).bind("duration", a.durationMs())
                .bind("created", SqlValues.time(a.createdAt()))
                .execute());
        if (rows != 1) {
            throw SkyvernException.notFound(ErrorCode.TASK_NOT_FOUND, "Task", a.taskId());
        }
    }

    @Override
    public List<ActionRecord> listByTask(String taskId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.* FROM actions a JOIN steps s ON s.step_id = a.step_id "
                        + "WHERE a.task_id = :task ORDER BY s.step_order, s.retry_index, a.action_order")
                .bind("task", taskId).map(JdbiActionRepository::map).list());
    }

    private static ActionRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ActionRecord(rs.getString("action_id"), rs.getString("step_id"), rs.getString("task_id"),
                rs.getInt("action_order"), rs.getString("action_type"), rs.getString("element_id"),
                rs.getString("reasoning"), SqlValues.jsonNode(rs, "input"), rs.getString("status"),
                rs.getString("result_message"), rs.getLong("duration_ms"), SqlValues.instant(rs, "created_at"));
    }
}
