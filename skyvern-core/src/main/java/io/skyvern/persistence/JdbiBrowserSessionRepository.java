package io.skyvern.persistence;

import io.skyvern.browsersession.BrowserSessionInfo;
import io.skyvern.browsersession.BrowserSessionRepository;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link BrowserSessionRepository} on the {@code browser_sessions} table. Acquire and release are
 * conditional updates, so two runs can never hold one session. Thread-safe.
 */
public final class JdbiBrowserSessionRepository implements BrowserSessionRepository {
    private final Jdbi jdbi;

    public JdbiBrowserSessionRepository(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public void insert(BrowserSessionInfo s, String storageDir) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO browser_sessions (browser_session_id, organization_id, status, "
                        + "timeout_minutes, storage_dir, current_run_id, created_at, modified_at, expires_at) VALUES "
                        + "(:id, :org, :status, :timeout, :dir, NULL, :created, :modified, :expires)")
                .bind("id", s.browserSessionId()).bind("org", s.organizationId()).bind("status", s.status())
                .bind("timeout", s.timeoutMinutes()).bind("dir", storageDir)
                .bind("created", SqlValues.time(s.createdAt())).bind("modified", SqlValues.time(s.modifiedAt()))
                .bind("expires", SqlValues.time(s.expiresAt()))
                .execute());
    }

    @Override
    public Optional<BrowserSessionInfo> find(String organizationId, String browserSessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM browser_sessions WHERE browser_session_id = :id "
                        + "AND organization_id = :org")
                .bind("id", browserSessionId).bind("org", organizationId).map(JdbiBrowserSessionRepository::map)
                .findOne());
    }

    @Override
    public io.skyvern.common.Page<BrowserSessionInfo> page(String organizationId, io.skyvern.common.PageRequest request) {
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM browser_sessions WHERE organization_id = :org")
                    .bind("org", organizationId).mapTo(Long.class).one();
            List<BrowserSessionInfo> items = h.createQuery("SELECT * FROM browser_sessions WHERE organization_id = :org "
                            + "ORDER BY created_at DESC, browser_session_id DESC LIMIT :limit OFFSET :offset")
                    .bind("org", organizationId).bind("limit", request.pageSize()).bind("offset", request.offset())
                    .map(JdbiBrowserSessionRepository::map).list();
            return io.skyvern.common.Page.of(items, request, total);
        });
    }

    @Override
    public List<BrowserSessionInfo> list(String organizationId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM browser_sessions WHERE organization_id = :org "
                        + "ORDER BY created_at DESC, browser_session_id DESC LIMIT " + Math.max(1, limit))
                .bind("org", organizationId).map(JdbiBrowserSessionRepository::map).list());
    }

    @Override
    public boolean acquire(String browserSessionId, String runId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE browser_sessions SET current_run_id = :run, "
                        + "modified_at = :now WHERE browser_session_id = :id AND status = 'active' "
                        + "AND expires_at > :now AND (current_run_id IS NULL OR current_run_id = :run)")
                .bind("run", runId).bind("now", SqlValues.time(now)).bind("id", browserSessionId)
                .execute() == 1);
    }

    @Override
    public void release(String browserSessionId, String runId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE browser_sessions SET current_run_id = NULL, modified_at = :now "
                        + "WHERE browser_session_id = :id AND current_run_id = :run")
                .bind("now", SqlValues.time(now)).bind("id", browserSessionId).bind("run", runId)
                .execute());
    }

    @Override
    public boolean close(String organizationId, String browserSessionId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE browser_sessions SET status = 'closed', closed_at = :now, "
                        + "modified_at = :now WHERE browser_session_id = :id AND organization_id = :org "
                        + "AND status = 'active'")
                .bind("now", SqlValues.time(now)).bind("id", browserSessionId).bind("org", organizationId)
                .execute() == 1);
    }

    @Override
    public List<String> closeExpired(Instant now) {
        return jdbi.inTransaction(h -> {
            List<String> expired = h.createQuery("SELECT browser_session_id FROM browser_sessions "
                            + "WHERE status = 'active' AND expires_at <= :now AND current_run_id IS NULL")
                    .bind("now", SqlValues.time(now)).mapTo(String.class).list();
            for (String id : expired) {
                h.createUpdate("UPDATE browser_sessions SET status = 'closed', closed_at = :now, modified_at = :now "
                                + "WHERE browser_session_id = :id AND status = 'active' AND current_run_id IS NULL")
                        .bind("now", SqlValues.time(now)).bind("id", id).execute();
            }
            return expired;
        });
    }

    private static BrowserSessionInfo map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new BrowserSessionInfo(rs.getString("browser_session_id"), rs.getString("organization_id"),
                rs.getString("status"), rs.getInt("timeout_minutes"), rs.getString("current_run_id"),
                SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "modified_at"),
                SqlValues.instant(rs, "expires_at"), SqlValues.instant(rs, "closed_at"));
    }
}
