package io.skyvern.persistence;

import io.skyvern.webhook.WebhookDelivery;
import io.skyvern.webhook.WebhookDeliveryRepository;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@code webhook_deliveries} log and the signing keys in {@code organizations}. */
public final class JdbiWebhookDeliveryRepository implements WebhookDeliveryRepository {
    private static final String COLUMNS = "delivery_id, organization_id, task_id, workflow_run_id, url, attempt, "
            + "status_code, error, succeeded, duration_ms, created_at";
    private static final RowMapper<WebhookDelivery> MAPPER = (rs, ctx) -> {
        int status = rs.getInt("status_code");
        Integer statusCode = rs.wasNull() ? null : status;
        return new WebhookDelivery(rs.getString("delivery_id"), rs.getString("organization_id"),
                rs.getString("task_id"), rs.getString("workflow_run_id"), rs.getString("url"), rs.getInt("attempt"),
                statusCode, rs.getString("error"), rs.getBoolean("succeeded"), rs.getLong("duration_ms"),
                rs.getTimestamp("created_at").toInstant());
    };

    private final Database database;

    public JdbiWebhookDeliveryRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void insert(WebhookDelivery d) {
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO webhook_deliveries (" + COLUMNS + ") VALUES "
                        + "(:id, :org, :task, :run, :url, :attempt, :status, :error, :ok, :ms, :created)")
                .bind("id", d.deliveryId()).bind("org", d.organizationId()).bind("task", d.taskId())
                .bind("run", d.workflowRunId()).bind("url", d.url()).bind("attempt", d.attempt())
                .bind("status", d.statusCode()).bind("error", d.error()).bind("ok", d.succeeded())
                .bind("ms", d.durationMs()).bind("created", d.createdAt())
                .execute());
    }

    @Override
    public List<WebhookDelivery> listByTask(String organizationId, String taskId) {
        return listBy("task_id", organizationId, taskId);
    }

    @Override
    public List<WebhookDelivery> listByWorkflowRun(String organizationId, String workflowRunId) {
        return listBy("workflow_run_id", organizationId, workflowRunId);
    }

    private List<WebhookDelivery> listBy(String column, String organizationId, String value) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE "
                        + column + " = :v AND organization_id = :org ORDER BY created_at, attempt, delivery_id")
                .bind("v", value).bind("org", organizationId).map(MAPPER).list());
    }

    @Override
    public Optional<String> signingKey(String organizationId) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT webhook_signing_key FROM organizations WHERE organization_id = :org")
                .bind("org", organizationId).mapTo(String.class).findOne());
    }
}
