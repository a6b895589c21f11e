package io.skyvern.persistence;

import io.skyvern.idempotency.IdempotencyRecord;
import io.skyvern.idempotency.IdempotencyRepository;
import io.skyvern.idempotency.StoredResponse;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The {@code idempotency_keys} table; each method is one autocommitted statement. */
public final class JdbiIdempotencyRepository implements IdempotencyRepository {
    private static final RowMapper<IdempotencyRecord> MAPPER = (rs, ctx) -> {
        int status = rs.getInt("response_status");
        Optional<StoredResponse> response = rs.wasNull() ? Optional.empty()
                : Optional.of(new StoredResponse(status, rs.getString("response_body")));
        return new IdempotencyRecord(rs.getString("organization_id"), rs.getString("idempotency_key"),
                rs.getString("fingerprint"), response, rs.getTimestamp("created_at").toInstant());
    };

    private final Database database;

    public JdbiIdempotencyRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * A plain insert outside any transaction: the primary key refuses the second of two concurrent
     * reservations on any node (SQLState 23505 on H2 and PostgreSQL alike), and on PostgreSQL a
     * failed statement inside a transaction would abort it.
     */
    @Override
    public boolean tryReserve(String organizationId, String key, String fingerprint, Instant now) {
        try {
            database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO idempotency_keys (organization_id, "
                            + "idempotency_key, fingerprint, created_at) VALUES (:org, :key, :fp, :now)")
                    .bind("org", organizationId).bind("key", key).bind("fp", fingerprint).bind("now", now).execute());
            return true;
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<IdempotencyRecord> find(String organizationId, String key) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT organization_id, idempotency_key, fingerprint, "
                        + "response_status, response_body, created_at FROM idempotency_keys "
                        + "WHERE organization_id = :org AND idempotency_key = :key")
                .bind("org", organizationId).bind("key", key).map(MAPPER).findOne());
    }

    @Override
    public void complete(String organizationId, String key, StoredResponse response) {
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE idempotency_keys SET response_status = :status, "
                        + "response_body = :body WHERE organization_id = :org AND idempotency_key = :key")
                .bind("status", response.status()).bind("body", response.body())
                .bind("org", organizationId).bind("key", key).execute());
    }

    @Override
    public void release(String organizationId, String key) {
        database.jdbi().useHandle(h -> h.createUpdate("DELETE FROM idempotency_keys WHERE organization_id = :org "
                        + "AND idempotency_key = :key AND response_status IS NULL")
                .bind("org", organizationId).bind("key", key).execute());
    }

    @Override
    public void deleteIfCreatedBefore(String organizationId, String key, Instant cutoff) {
        database.jdbi().useHandle(h -> h.createUpdate("DELETE FROM idempotency_keys WHERE organization_id = :org "
                        + "AND idempotency_key = :key AND created_at < :cutoff")
                .bind("org", organizationId).bind("key", key).bind("cutoff", cutoff).execute());
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        return database.jdbi().withHandle(h -> h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
                .bind("cutoff", cutoff).execute());
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
