package io.skyvern.persistence;

import io.skyvern.login.RunLoginRepository;
import io.skyvern.task.LoginSettings;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link RunLoginRepository} on the {@code run_logins} table. Thread-safe. */
public final class JdbiRunLoginRepository implements RunLoginRepository {
    private final Jdbi jdbi;

    public JdbiRunLoginRepository(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public void save(String runId, String organizationId, LoginSettings login, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO run_logins (run_id, organization_id, credential_id, "
                        + "totp_identifier, totp_verification_url, created_at) VALUES (:run, :org, :cred, :ident, "
                        + ":url, :now)")
                .bind("run", runId).bind("org", organizationId).bind("cred", login.credentialId().orElse(null))
                .bind("ident", login.totpIdentifier().orElse(null))
                .bind("url", login.totpVerificationUrl().orElse(null)).bind("now", SqlValues.time(now)).execute());
    }

    @Override
    public void delete(String runId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM run_logins WHERE run_id = :run").bind("run", runId).execute());
    }

    @Override
    public LoginSettings find(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT credential_id, totp_identifier, totp_verification_url "
                        + "FROM run_logins WHERE run_id = :run")
                .bind("run", runId)
                .map((rs, ctx) -> LoginSettings.of(rs.getString("credential_id"), rs.getString("totp_identifier"),
                        rs.getString("totp_verification_url")))
                .findOne().orElse(LoginSettings.NONE));
    }

    @Override
    public Map<String, LoginSettings> findAll(String organizationId, Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        Map<String, LoginSettings> found = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT run_id, credential_id, totp_identifier, totp_verification_url "
                        + "FROM run_logins WHERE organization_id = :org AND run_id IN (<runs>)")
                .bind("org", organizationId).bindList("runs", List.copyOf(runIds))
                .map((rs, ctx) -> Map.entry(rs.getString("run_id"), LoginSettings.of(rs.getString("credential_id"),
                        rs.getString("totp_identifier"), rs.getString("totp_verification_url"))))
                .forEach(e -> found.put(e.getKey(), e.getValue())));
        return found;
    }

    @Override
    public List<String> queuedTasksUsing(String organizationId, String credentialId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT t.task_id FROM run_logins l JOIN tasks t "
                        + "ON t.task_id = l.run_id WHERE l.organization_id = :org AND l.credential_id = :cred "
                        + "AND t.status IN ('created', 'queued')")
                .bind("org", organizationId).bind("cred", credentialId).mapTo(String.class).list());
    }
}
