package io.skyvern.persistence;

import io.skyvern.auth.ApiKey;
import io.skyvern.auth.Organization;
import io.skyvern.auth.OrganizationRepository;
import io.skyvern.auth.StoredApiKey;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.OrgLimits;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link OrganizationRepository} over the {@code organizations} and {@code api_keys} tables. */
public final class JdbiOrganizationRepository implements OrganizationRepository {
    private static final String ORG_COLUMNS = "organization_id, name, is_bootstrap, max_concurrent_tasks, "
            + "max_concurrent_workflow_runs, max_workflow_blocks, max_queued_tasks, webhook_signing_key, "
            + "created_at, modified_at";
    private static final String KEY_COLUMNS = "api_key_id, organization_id, name, key_prefix, key_hash, "
            + "created_at, last_used_at, revoked_at";
    private static final RowMapper<Organization> ORGANIZATION = (rs, ctx) -> new Organization(
            rs.getString("organization_id"), rs.getString("name"), rs.getBoolean("is_bootstrap"),
            new OrgLimits(rs.getInt("max_concurrent_tasks"), rs.getInt("max_concurrent_workflow_runs"),
                    rs.getInt("max_workflow_blocks"), rs.getInt("max_queued_tasks")),
            rs.getString("webhook_signing_key"), instant(rs, "created_at"), instant(rs, "modified_at"));
    private static final RowMapper<StoredApiKey> STORED_KEY = (rs, ctx) -> new StoredApiKey(new ApiKey(
            rs.getString("api_key_id"), rs.getString("organization_id"), rs.getString("name"),
            rs.getString("key_prefix"), instant(rs, "created_at"), instant(rs, "last_used_at"),
            instant(rs, "revoked_at")), rs.getString("key_hash"));

    private final Jdbi jdbi;

    public JdbiOrganizationRepository(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public void insert(Organization organization, StoredApiKey firstKey) {
        try {
            insertBoth(organization, firstKey);
        } catch (JdbiException e) {
            if (organization.bootstrap() && isUniqueViolation(e)) {
                throw new SkyvernException(ErrorCode.VALIDATION_FAILED, "The bootstrap organisation already exists",
                        List.of("bootstrap organisation already exists"));
            }
            throw e;
        }
    }

    /** SQLState 23505 (unique violation) is the same on H2 and PostgreSQL. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void insertBoth(Organization organization, StoredApiKey firstKey) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO organizations (" + ORG_COLUMNS + ", bootstrap_guard) VALUES (:id, :name, "
                            + ":bootstrap, :tasks, :runs, :blocks, :queued, :webhookKey, :createdAt, :modifiedAt, :guard)")
                    .bind("id", organization.organizationId())
                    .bind("name", organization.name())
                    .bind("bootstrap", organization.bootstrap())
                    .bind("tasks", organization.limits().maxConcurrentTasks())
                    .bind("runs", organization.limits().maxConcurrentWorkflowRuns())
                    .bind("blocks", organization.limits().maxWorkflowBlocks())
                    .bind("queued", organization.limits().maxQueuedTasks())
                    .bind("webhookKey", organization.webhookSigningKey())
                    .bind("createdAt", organization.createdAt())
                    .bind("modifiedAt", organization.modifiedAt())
                    .bind("guard", organization.bootstrap() ? Boolean.TRUE : null)
                    .execute();
            insertKey(h, firstKey);
        });
    }

    @Override
    public Optional<Organization> find(String organizationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ORG_COLUMNS + " FROM organizations WHERE organization_id = :id")
                .bind("id", organizationId).map(ORGANIZATION).findOne());
    }

    @Override
    public Optional<Organization> findBootstrap() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ORG_COLUMNS
                        + " FROM organizations WHERE is_bootstrap = TRUE ORDER BY created_at")
                .map(ORGANIZATION).findFirst());
    }

    @Override
    public void insertApiKey(StoredApiKey key) {
        jdbi.useHandle(h -> insertKey(h, key));
    }

    private static void insertKey(Handle h, StoredApiKey stored) {
        ApiKey key = stored.apiKey();
        h.createUpdate("INSERT INTO api_keys (" + KEY_COLUMNS + ") VALUES (:id, :org, :name, :prefix, :hash, "
                        + ":createdAt, :lastUsedAt, :revokedAt)")
                .bind("id", key.apiKeyId())
                .bind("org", key.organizationId())
                .bind("name", key.name())
                .bind("prefix", key.keyPrefix())
                .bind("hash", stored.keyHash())
                .bind("createdAt", key.createdAt())
                .bind("lastUsedAt", key.lastUsedAt())
                .bind("revokedAt", key.revokedAt())
                .execute();
    }

    @Override
    public List<ApiKey> listApiKeys(String organizationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + KEY_COLUMNS
                        + " FROM api_keys WHERE organization_id = :org ORDER BY created_at, api_key_id")
                .bind("org", organizationId).map(STORED_KEY).map(StoredApiKey::apiKey).list());
    }

    @Override
    public Optional<ApiKey> findApiKey(String organizationId, String apiKeyId) {
        return jdbi.withHandle(h -> findKey(h, organizationId, apiKeyId));
    }

    private static Optional<ApiKey> findKey(Handle h, String organizationId, String apiKeyId) {
        return h.createQuery("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE organization_id = :org AND api_key_id = :id")
                .bind("org", organizationId).bind("id", apiKeyId).map(STORED_KEY).map(StoredApiKey::apiKey).findOne();
    }

    @Override
    public Optional<ApiKey> revokeApiKey(String organizationId, String apiKeyId, Instant at) {
        return jdbi.inTransaction(h -> {
            // The organisation's row lock serialises revokes of one organisation, so two revokes of
            // its last two keys cannot both see the other key still active and leave none.
            h.createQuery("SELECT organization_id FROM organizations WHERE organization_id = :org FOR UPDATE")
                    .bind("org", organizationId).mapTo(String.class).findOne();
            Optional<ApiKey> key = findKey(h, organizationId, apiKeyId);
            if (key.isEmpty() || key.get().isRevoked()) {
                return key;
            }
            int othersActive = h.createQuery("SELECT COUNT(*) FROM api_keys WHERE organization_id = :org "
                            + "AND api_key_id <> :id AND revoked_at IS NULL")
                    .bind("org", organizationId).bind("id", apiKeyId).mapTo(Integer.class).one();
            if (othersActive == 0) {
                throw new SkyvernException(ErrorCode.LAST_API_KEY, "This is the organisation's last active API key; "
                        + "create another key before revoking it");
            }
            h.createUpdate("UPDATE api_keys SET revoked_at = :at WHERE organization_id = :org AND api_key_id = :id "
                            + "AND revoked_at IS NULL")
                    .bind("at", at).bind("org", organizationId).bind("id", apiKeyId).execute();
            return findKey(h, organizationId, apiKeyId);
        });
    }

    @Override
    public Optional<StoredApiKey> findApiKeyByHash(String keyHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE key_hash = :hash")
                .bind("hash", keyHash).map(STORED_KEY).findOne());
    }

    @Override
    public void touchApiKey(String apiKeyId, Instant at, Instant notBefore) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_keys SET last_used_at = :at WHERE api_key_id = :id "
                        + "AND (last_used_at IS NULL OR last_used_at <= :notBefore)")
                .bind("at", at).bind("id", apiKeyId).bind("notBefore", notBefore).execute());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
