package io.skyvern.persistence;

import io.skyvern.common.Page;
import io.skyvern.workflow.Workflow;
import io.skyvern.workflow.WorkflowQuery;
import io.skyvern.workflow.WorkflowRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@link WorkflowRepository} on the {@code workflows} table (one row per version). Thread-safe. */
public final class JdbiWorkflowRepository implements WorkflowRepository {
    private static final String COLUMNS = "workflow_id, version, organization_id, title, description, definition, "
            + "parameter_schema, is_active, created_at, modified_at";
    private static final String INSERT = "INSERT INTO workflows (" + COLUMNS + ", is_latest) VALUES (:workflowId, "
            + ":version, :organizationId, :title, :description, :definition, :parameterSchema, :active, :createdAt, "
            + ":modifiedAt, TRUE)";
    private static final RowMapper<Workflow> MAPPER = (rs, ctx) -> new Workflow(rs.getString("workflow_id"),
            rs.getInt("version"), rs.getString("organization_id"), rs.getString("title"),
            rs.getString("description"), WorkflowSql.json(rs, "definition"),
            WorkflowSql.json(rs, "parameter_schema"), rs.getBoolean("is_active"),
            WorkflowSql.instant(rs, "created_at"), WorkflowSql.instant(rs, "modified_at"));

    private final Jdbi jdbi;

    public JdbiWorkflowRepository(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public void insertFirst(Workflow workflow) {
        jdbi.useHandle(h -> insert(h, workflow));
    }

    @Override
    public Optional<Workflow> appendVersion(String organizationId, String workflowId, UnaryOperator<Workflow> next) {
        return jdbi.inTransaction(h -> {
            // Locking version 1 (a row every workflow keeps, whatever its latest flag) makes
            // concurrent editors wait for each other; the latest version is read only after
            // the lock is held, so each editor sees the previous editor's version.
            boolean exists = h.createQuery("SELECT version FROM workflows WHERE workflow_id = :id "
                            + "AND organization_id = :org AND version = 1 FOR UPDATE")
                    .bind("id", workflowId).bind("org", organizationId).mapTo(Integer.class).findOne().isPresent();
            Optional<Workflow> current = !exists ? Optional.empty() : h.createQuery("SELECT " + COLUMNS
                            + " FROM workflows WHERE workflow_id = :id AND organization_id = :org AND is_latest = TRUE "
                            + "AND deleted_at IS NULL")
                    .bind("id", workflowId).bind("org", organizationId).map(MAPPER).findOne();
            if (current.isEmpty()) {
                return Optional.empty();
            }
            Workflow created = next.apply(current.get());
            if (created.version() != current.get().version() + 1 || !created.workflowId().equals(workflowId)) {
                throw new IllegalArgumentException("next version must be version " + (current.get().version() + 1));
            }
            h.createUpdate("UPDATE workflows SET is_latest = FALSE WHERE workflow_id = :id AND version = :previous")
                    .bind("id", workflowId).bind("previous", current.get().version()).execute();
            insert(h, created);
            return Optional.of(created);
        });
    }

    @Override
    public Optional<Workflow> findLatest(String organizationId, String workflowId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM workflows WHERE workflow_id = :id "
                        + "AND organization_id = :org AND is_latest = TRUE AND deleted_at IS NULL")
                .bind("id", workflowId).bind("org", organizationId).map(MAPPER).findOne());
    }

    @Override
    public Optional<Workflow> findVersion(String organizationId, String workflowId, int version) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM workflows WHERE workflow_id = :id "
                        + "AND organization_id = :org AND version = :version")
                .bind("id", workflowId).bind("org", organizationId).bind("version", version).map(MAPPER).findOne());
    }

    @Override
    public boolean existsIncludingDeleted(String organizationId, String workflowId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM workflows WHERE workflow_id = :id "
                        + "AND organization_id = :org AND is_latest = TRUE")
                .bind("id", workflowId).bind("org", organizationId).mapTo(Long.class).one()) > 0;
    }

    @Override
    public Page<Workflow> listLatest(String organizationId, WorkflowQuery query) {
        WorkflowListSql sql = new WorkflowListSql(organizationId, query);
        return jdbi.withHandle(h -> {
            Query count = h.createQuery(sql.count());
            sql.binds().forEach(count::bind);
            long total = count.mapTo(Long.class).one();
            Query select = h.createQuery(sql.select(COLUMNS));
            sql.selectBinds().forEach(select::bind);
            return Page.of(select.map(MAPPER).list(), query.page(), total);
        });
    }

    @Override
    public boolean softDelete(String organizationId, String workflowId, Instant deletedAt) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE workflows SET deleted_at = :at WHERE workflow_id = :id "
                        + "AND organization_id = :org AND deleted_at IS NULL")
                .bind("at", WorkflowSql.time(deletedAt)).bind("id", workflowId).bind("org", organizationId)
                .execute()) > 0;
    }

    private static void insert(Handle h, Workflow w) {
        h.createUpdate(INSERT).bind("workflowId", w.workflowId()).bind("version", w.version())
                .bind("organizationId", w.organizationId()).bind("title", w.title())
                .bind("description", w.description()).bind("definition", WorkflowSql.text(w.definition()))
                .bind("parameterSchema", WorkflowSql.text(w.parameterSchema())).bind("active", w.active())
                .bind("createdAt", WorkflowSql.time(w.createdAt())).bind("modifiedAt", WorkflowSql.time(w.modifiedAt()))
                .execute();
    }
}
