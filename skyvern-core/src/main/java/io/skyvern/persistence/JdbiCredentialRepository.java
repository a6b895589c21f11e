package io.skyvern.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.skyvern.common.Json;
import io.skyvern.credential.Credential;
import io.skyvern.credential.CredentialRepository;
import io.skyvern.credential.StoredCredential;
import io.skyvern.crypto.KeyCheckStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link CredentialRepository} on the {@code credentials} and {@code encryption_key_check} tables. */
public final class JdbiCredentialRepository implements CredentialRepository, KeyCheckStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Jdbi jdbi;

    public JdbiCredentialRepository(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public void insert(StoredCredential stored) {
        Credential c = stored.credential();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO credentials (credential_id, organization_id, name, "
                        + "allowed_domains, has_totp, ciphertext, created_at) VALUES (:id, :org, :name, :domains, "
                        + ":totp, :ciphertext, :created)")
                .bind("id", c.credentialId()).bind("org", c.organizationId()).bind("name", c.name())
                .bind("domains", SqlValues.json(c.allowedDomains())).bind("totp", c.hasTotp())
                .bind("ciphertext", stored.ciphertext()).bind("created", SqlValues.time(c.createdAt()))
                .execute());
    }

    @Override
    public Optional<StoredCredential> find(String organizationId, String credentialId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM credentials WHERE credential_id = :id "
                        + "AND organization_id = :org")
                .bind("id", credentialId).bind("org", organizationId)
                .map((rs, ctx) -> new StoredCredential(map(rs), rs.getString("ciphertext"))).findOne());
    }

    @Override
    public List<Credential> list(String organizationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM credentials WHERE organization_id = :org "
                        + "ORDER BY created_at DESC, credential_id DESC LIMIT 1000")
                .bind("org", organizationId).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public boolean delete(String organizationId, String credentialId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM credentials WHERE credential_id = :id "
                        + "AND organization_id = :org")
                .bind("id", credentialId).bind("org", organizationId).execute() == 1);
    }

    @Override
    public Optional<String> keyCheck() {
        return jdbi.withHandle(h -> h.createQuery("SELECT ciphertext FROM encryption_key_check WHERE check_id = 1")
                .mapTo(String.class).findOne());
    }

    @Override
    public boolean insertKeyCheck(String ciphertext, Instant now) {
        try {
            return jdbi.withHandle(h -> h.createUpdate("INSERT INTO encryption_key_check (check_id, ciphertext, "
                            + "created_at) VALUES (1, :c, :now)")
                    .bind("c", ciphertext).bind("now", SqlValues.time(now)).execute() == 1);
        } catch (UnableToExecuteStatementException e) {
            return false;  // another node inserted its check first (primary key)
        }
    }

    private static Credential map(ResultSet rs) throws SQLException {
        List<String> domains;
        try {
            domains = Json.mapper().readValue(rs.getString("allowed_domains"), STRINGS);
        } catch (IOException e) {
            throw new SQLException("allowed_domains of " + rs.getString("credential_id") + " is unreadable");
        }
        return new Credential(rs.getString("credential_id"), rs.getString("organization_id"), rs.getString("name"),
                domains, rs.getBoolean("has_totp"), SqlValues.instant(rs, "created_at"));
    }
}
