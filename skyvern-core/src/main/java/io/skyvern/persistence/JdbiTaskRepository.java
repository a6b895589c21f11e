package io.skyvern.persistence;

import io.skyvern.common.RunPriority;
import io.skyvern.task.Task;
import io.skyvern.task.TaskQuery;
import io.skyvern.task.TaskRepository;
import io.skyvern.task.TaskStatus;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@link TaskRepository} on the {@code tasks} table. Thread-safe (stateless over the pool). */
public final class JdbiTaskRepository implements TaskRepository {
    /** Length of the sort-key prefixes sort_url and sort_goal (see V1__schema.sql). */
    static final int SORT_KEY_LENGTH = 200;
    private static final String COLUMNS = "task_id, organization_id, status, priority, url, title, navigation_goal, "
            + "data_extraction_goal, navigation_payload, extracted_information_schema, error_code_mapping, "
            + "webhook_callback_url, max_steps, browser_session_id, workflow_run_id, extracted_information, "
            + "failure_reason, created_at, modified_at, started_at, completed_at";
    private static final String INSERT = "INSERT INTO tasks (" + COLUMNS + ", sort_url, sort_goal) VALUES ("
            + ":taskId, :org, :status, :priority, :url, :title, :goal, :extractionGoal, :payload, :schema, "
            + ":mapping, :webhook, :maxSteps, :session, :workflowRunId, :extracted, :failureReason, :createdAt, "
            + ":modifiedAt, :startedAt, :completedAt, :sortUrl, :sortGoal)";

    /** Creates arriving together share a commit (see {@link GroupCommit}); at most this many per commit. */
    private static final int MAX_INSERTS_PER_COMMIT = 64;

    private final Jdbi jdbi;
    private final GroupCommit<Task> inserts;
    /** Whether tasks sharing a commit go as one JDBC batch (PostgreSQL) or one statement each (H2). */
    private final boolean batchInserts;

    public JdbiTaskRepository(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.batchInserts = database.isPostgres();
        this.inserts = new GroupCommit<>(jdbi, this::insertAll, MAX_INSERTS_PER_COMMIT);
    }

    @Override
    public void insert(Task task) {
        inserts.write(task);
    }

    @Override
    public boolean insertWithinCap(Task task, int maxPending) {
        return jdbi.inTransaction(h -> {
            // Locking the organisation row serialises creates of one organisation, so two
            // concurrent creates cannot both pass the cap check.
            h.createQuery("SELECT organization_id FROM organizations WHERE organization_id = :org FOR UPDATE")
                    .bind("org", task.organizationId()).mapTo(String.class).findOne();
            long pending = countByStatuses(h, task.organizationId(), Set.of(TaskStatus.CREATED, TaskStatus.QUEUED));
            if (pending >= maxPending) {
                return false;
            }
            insert(h, task);
            return true;
        });
    }

    /** Inserts many tasks in one batch, without any cap; for seeding and imports. */
    public void insertBatch(List<Task> tasks) {
        jdbi.useTransaction(h -> insertAsBatch(h, tasks));
    }

    /**
     * On PostgreSQL one JDBC batch, which the driver sends as multi-row INSERTs (reWriteBatchedInserts,
     * see Database): 2,689 -> 4,442 creates/s at 16 threads in TaskStoreBenchmark. H2 runs a batch row
     * by row anyway, and through the API it measured 2,426-2,511 req/s batched against 2,905 row by
     * row, so there each task is its own statement.
     */
    private void insertAll(Handle h, List<Task> tasks) {
        if (tasks.size() == 1 || !batchInserts) {
            for (Task t : tasks) {
                insert(h, t);
            }
            return;
        }
        insertAsBatch(h, tasks);
    }

    private static void insertAsBatch(Handle h, List<Task> tasks) {
        PreparedBatch batch = h.prepareBatch(INSERT);
        for (Task t : tasks) {
            bindTask(batch, t);
            batch.add();
        }
        batch.execute();
    }

    private static void insert(Handle h, Task task) {
        Update update = h.createUpdate(INSERT);
        bindTask(update, task);
        update.execute();
    }

    private static void bindTask(org.jdbi.v3.core.statement.SqlStatement<?> s, Task t) {
        s.bind("taskId", t.taskId()).bind("org", t.organizationId()).bind("status", t.status().wireName())
                .bind("priority", t.priority().rank()).bind("url", t.url()).bind("title", t.title())
                .bind("goal", t.navigationGoal()).bind("extractionGoal", t.dataExtractionGoal())
                .bind("payload", SqlValues.json(t.navigationPayload()))
                .bind("schema", SqlValues.json(t.extractedInformationSchema()))
                .bind("mapping", t.errorCodeMapping().isEmpty() ? null : SqlValues.json(t.errorCodeMapping()))
                .bind("webhook", t.webhookCallbackUrl()).bind("maxSteps", t.maxSteps())
                .bind("session", t.browserSessionId()).bind("workflowRunId", t.workflowRunId())
                .bind("extracted", SqlValues.json(t.extractedInformation()))
                .bind("failureReason", t.failureReason())
                .bind("createdAt", SqlValues.time(t.createdAt())).bind("modifiedAt", SqlValues.time(t.modifiedAt()))
                .bind("startedAt", SqlValues.time(t.startedAt()))
                .bind("completedAt", SqlValues.time(t.completedAt()))
                .bind("sortUrl", SqlValues.prefix(t.url(), SORT_KEY_LENGTH))
                .bind("sortGoal", SqlValues.prefix(t.navigationGoal(), SORT_KEY_LENGTH));
    }

    @Override
    public Optional<Task> find(String organizationId, String taskId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM tasks WHERE task_id = :id AND organization_id = :org")
                .bind("id", taskId).bind("org", organizationId)
                .map(JdbiTaskRepository::map).findOne());
    }

    @Override
    public List<Task> list(String organizationId, TaskQuery query) {
        TaskListSql sql = new TaskListSql(organizationId, query);
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.select(COLUMNS));
            sql.selectBinds().forEach(q::bind);
            return q.map(JdbiTaskRepository::map).list();
        });
    }

    @Override
    public long count(String organizationId, TaskQuery query) {
        TaskListSql sql = new TaskListSql(organizationId, query);
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.count());
            sql.binds().forEach(q::bind);
            return q.mapTo(Long.class).one();
        });
    }

    @Override
    public long countByStatuses(String organizationId, Set<TaskStatus> statuses) {
        return jdbi.withHandle(h -> countByStatuses(h, organizationId, statuses));
    }

    private static long countByStatuses(Handle h, String organizationId, Set<TaskStatus> statuses) {
        TaskQuery query = TaskQuery.defaults().withStatuses(List.copyOf(statuses));
        TaskListSql sql = new TaskListSql(organizationId, query);
        Query q = h.createQuery(sql.count());
        sql.binds().forEach(q::bind);
        return q.mapTo(Long.class).one();
    }

    @Override
    public boolean updateRequest(Task t, TaskStatus expected) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE tasks SET url = :url, title = :title, "
                        + "navigation_goal = :goal, data_extraction_goal = :extractionGoal, "
                        + "navigation_payload = :payload, extracted_information_schema = :schema, "
                        + "error_code_mapping = :mapping, webhook_callback_url = :webhook, max_steps = :maxSteps, "
                        + "sort_url = :sortUrl, sort_goal = :sortGoal, modified_at = :modifiedAt "
                        + "WHERE task_id = :taskId AND organization_id = :org AND status = :expected")
                .bind("expected", expected.wireName())
                .bind("taskId", t.taskId()).bind("org", t.organizationId())
                .bind("url", t.url()).bind("title", t.title()).bind("goal", t.navigationGoal())
                .bind("extractionGoal", t.dataExtractionGoal())
                .bind("payload", SqlValues.json(t.navigationPayload()))
                .bind("schema", SqlValues.json(t.extractedInformationSchema()))
                .bind("mapping", t.errorCodeMapping().isEmpty() ? null : SqlValues.json(t.errorCodeMapping()))
                .bind("webhook", t.webhookCallbackUrl()).bind("maxSteps", t.maxSteps())
                .bind("sortUrl", SqlValues.prefix(t.url(), SORT_KEY_LENGTH))
                .bind("sortGoal", SqlValues.prefix(t.navigationGoal(), SORT_KEY_LENGTH))
                .bind("modifiedAt", SqlValues.time(t.modifiedAt()))
                .execute() == 1);
    }

    @Override
    public boolean transition(String organizationId, String taskId, TaskStatus expected, TaskStatus next,
                              String failureReason, boolean cancelRequested, Instant now, Instant completedAt) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE tasks SET status = :next, "
                        + "failure_reason = COALESCE(:reason, failure_reason), "
                        + "cancel_requested = (cancel_requested OR :cancel), modified_at = :now, "
                        + "completed_at = COALESCE(:completedAt, completed_at) "
                        + "WHERE task_id = :id AND organization_id = :org AND status = :expected")
                .bind("next", next.wireName()).bind("reason", failureReason).bind("cancel", cancelRequested)
                .bind("now", SqlValues.time(now)).bind("completedAt", SqlValues.time(completedAt))
                .bind("id", taskId).bind("org", organizationId).bind("expected", expected.wireName())
                .execute() == 1);
    }

    @Override
    public boolean finishRun(String taskId, String workerId, TaskStatus next,
                             com.fasterxml.jackson.databind.JsonNode extractedInformation, String failureReason,
                             Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE tasks SET status = :next, "
                        + "extracted_information = :info, failure_reason = :reason, modified_at = :now, "
                        + "completed_at = :now, lease_expires_at = NULL "
                        + "WHERE task_id = :id AND status = 'running' AND claimed_by = :worker")
                .bind("next", next.wireName()).bind("info", SqlValues.json(extractedInformation))
                .bind("reason", failureReason).bind("now", SqlValues.time(now))
                .bind("id", taskId).bind("worker", workerId)
                .execute() == 1);
    }

    @Override
    public boolean isCancelRequested(String taskId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT cancel_requested FROM tasks WHERE task_id = :id")
                .bind("id", taskId).mapTo(Boolean.class).findOne().orElse(false));
    }

    private static Task map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Task(rs.getString("task_id"), rs.getString("organization_id"),
                TaskStatus.parse(rs.getString("status")), RunPriority.fromRank(rs.getInt("priority")),
                rs.getString("url"), rs.getString("title"), rs.getString("navigation_goal"),
                rs.getString("data_extraction_goal"), SqlValues.jsonNode(rs, "navigation_payload"),
                SqlValues.jsonNode(rs, "extracted_information_schema"),
                SqlValues.stringMap(rs, "error_code_mapping"), rs.getString("webhook_callback_url"),
                rs.getInt("max_steps"), rs.getString("browser_session_id"), rs.getString("workflow_run_id"),
                SqlValues.jsonNode(rs, "extracted_information"), rs.getString("failure_reason"),
                SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "modified_at"),
                SqlValues.instant(rs, "started_at"), SqlValues.instant(rs, "completed_at"));
    }
}
