package io.skyvern.server.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the nodes of a cluster wrote to their shared database, read directly with JDBC: the
 * observer's view of the queue (who holds which run) and of the records (steps, claim log lines).
 * One short connection per read, so nothing here holds locks or connections between polls.
 */
final class ClusterDatabase {
    /** One task row as the queue sees it. */
    record TaskRow(String taskId, String status, String claimedBy, int attempts, String failureReason) {
    }

    /** One recorded step. */
    record StepRow(String taskId, int order, String status, String failureReason) {
    }

    /** One "Claimed by worker …" run log line. */
    record ClaimLog(String taskId, String message) {
    }

    private final String url;

    ClusterDatabase(String url) {
        this.url = url;
    }

    Map<String, TaskRow> tasks(List<String> taskIds) throws SQLException {
        Map<String, TaskRow> rows = new HashMap<>();
        query("SELECT task_id, status, claimed_by, attempts, failure_reason FROM tasks", rs -> rows.put(
                rs.getString(1), new TaskRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5))));
        rows.keySet().retainAll(taskIds);
        return rows;
    }

    /** How many of these tasks are not final yet (a task missing from the table counts: it was lost). */
    long unfinished(List<String> taskIds) throws SQLException {
        return taskIds.size() - tasks(taskIds).values().stream().filter(t -> isFinal(t.status())).count();
    }

    static boolean isFinal(String status) {
        return List.of("completed", "failed", "terminated", "canceled", "timed_out").contains(status);
    }

    List<StepRow> steps() throws SQLException {
        List<StepRow> rows = new ArrayList<>();
        query("SELECT task_id, step_order, status, failure_reason FROM steps ORDER BY task_id, step_order",
                rs -> rows.add(new StepRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4))));
        return rows;
    }

    List<ClaimLog> claimLogs() throws SQLException {
        List<ClaimLog> rows = new ArrayList<>();
        query("SELECT task_id, message FROM run_logs WHERE message LIKE 'Claimed by worker %' ORDER BY created_at",
                rs -> rows.add(new ClaimLog(rs.getString(1), rs.getString(2))));
        return rows;
    }

    /** Runs this database says are running now, by task id, with the worker that holds each. */
    Map<String, String> runningClaims() throws SQLException {
        Map<String, String> rows = new HashMap<>();
        query("SELECT task_id, claimed_by FROM tasks WHERE status = 'running'",
                rs -> rows.put(rs.getString(1), rs.getString(2)));
        return rows;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }
}
