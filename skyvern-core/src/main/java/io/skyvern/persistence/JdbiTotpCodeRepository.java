package io.skyvern.persistence;

import io.skyvern.totp.PushedCode;
import io.skyvern.totp.TotpCodeRepository;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** {@link TotpCodeRepository} on the {@code totp_codes} table. Thread-safe. */
public final class JdbiTotpCodeRepository implements TotpCodeRepository {
    private final Jdbi jdbi;

    public JdbiTotpCodeRepository(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public void insert(PushedCode code, String ciphertext) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO totp_codes (totp_code_id, organization_id, totp_identifier, "
                        + "code_ciphertext, created_at, expires_at) VALUES (:id, :org, :ident, :c, :created, :expires)")
                .bind("id", code.totpCodeId()).bind("org", code.organizationId()).bind("ident", code.totpIdentifier())
                .bind("c", ciphertext).bind("created", SqlValues.time(code.createdAt()))
                .bind("expires", SqlValues.time(code.expiresAt())).execute());
    }

    @Override
    public List<Sealed> candidates(String organizationId, String totpIdentifier, Instant since, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT totp_code_id, code_ciphertext FROM totp_codes "
                        + "WHERE organization_id = :org AND totp_identifier = :ident AND used_at IS NULL "
                        + "AND created_at >= :since AND expires_at > :now ORDER BY created_at, totp_code_id LIMIT 20")
                .bind("org", organizationId).bind("ident", totpIdentifier).bind("since", SqlValues.time(since))
                .bind("now", SqlValues.time(now))
                .map((rs, ctx) -> new Sealed(rs.getString("totp_code_id"), rs.getString("code_ciphertext"))).list());
    }

    @Override
    public boolean claim(String totpCodeId, String runId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE totp_codes SET used_at = :now, used_by = :run "
                        + "WHERE totp_code_id = :id AND used_at IS NULL")
                .bind("now", SqlValues.time(now)).bind("run", runId).bind("id", totpCodeId).execute() == 1);
    }
}
