package io.skyvern.persistence;

import io.skyvern.queue.ClaimedRun;
import io.skyvern.queue.QueueCandidate;
import io.skyvern.common.RunPriority;
import io.skyvern.queue.RunQueue;
import io.skyvern.queue.RunRef;
import io.skyvern.queue.RunStanding;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The run queue on the {@code tasks} and {@code workflow_runs} tables.
 *
 * <p>A claim reads a few candidates of each table (no locks), merges them in
 * {@link QueueCandidate#CLAIM_ORDER}, then tries them in order, each in its own short transaction:
 * on PostgreSQL the candidate row is locked with {@code FOR UPDATE SKIP LOCKED} (a row another
 * worker is claiming is skipped, never waited for); then the organisation row is locked, which
 * serialises the claims of one organisation so that the count of its running runs cannot race
 * past its limit; then a conditional {@code UPDATE … WHERE status = 'queued'} takes the run. On H2
 * that conditional update is the guard: 0 rows means someone else took it, try the next one.
 * A transaction locks at most one organisation row, so claims cannot deadlock each other.
 */
public final class JdbiRunQueue implements RunQueue {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiRunQueue.class);
    static final String LOST_TWICE = "Worker lost the run twice (lease expired); giving up";
    private static final int CANDIDATES_PER_TABLE = 8;
    private static final int MAX_ROUNDS = 5;

    private enum Outcome { CLAIMED, TAKEN, ORG_FULL }

    private final Database database;
    private final Clock clock;

    public JdbiRunQueue(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<ClaimedRun> claim(String workerId, Duration lease) {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(lease, "lease");
        Set<String> full = new HashSet<>();
        // A round that finds a newly full organisation excludes it from the next one, so such rounds
        // always make progress; only rounds lost entirely to other workers are capped.
        int fruitless = 0;
        while (fruitless < MAX_ROUNDS) {
            List<QueueCandidate> candidates = candidates(full);
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            int fullBefore = full.size();
            for (QueueCandidate candidate : candidates) {
                if (full.contains(fullKey(candidate.ref()))) {
                    continue;
                }
                Instant now = clock.instant();
                Instant until = now.plus(lease);
                Outcome outcome = tryClaim(candidate, workerId, now, until);
                if (outcome == Outcome.CLAIMED) {
                    return Optional.of(new ClaimedRun(candidate.ref(), workerId, until,
                            candidate.attempts() + 1, RunPriority.fromRank(candidate.priorityRank())));
                }
                if (outcome == Outcome.ORG_FULL) {
                    full.add(fullKey(candidate.ref()));
                }
            }
            if (full.size() == fullBefore) {
                fruitless++;
            }
        }
        return Optional.empty();
    }

    private static String fullKey(RunRef ref) {
        return ref.kind() + "/" + ref.organizationId();
    }

    private List<QueueCandidate> candidates(Set<String> full) {
        return database.jdbi().withHandle(h -> {
            List<QueueCandidate> all = new ArrayList<>();
            for (RunTable t : RunTable.values()) {
                List<String> fullOrgs = full.stream().filter(k -> k.startsWith(t.kind + "/"))
                        .map(k -> k.substring(k.indexOf('/') + 1)).toList();
                all.addAll(candidatesOf(h, t, fullOrgs));
            }
            all.sort(QueueCandidate.CLAIM_ORDER);
            return all;
        });
    }

    private static List<QueueCandidate> candidatesOf(Handle h, RunTable t, List<String> excludedOrgs) {
        String sql = "SELECT " + t.idColumn + " AS id, organization_id, priority, created_at, attempts FROM "
                + t.table + " WHERE status = 'queued' AND cancel_requested = FALSE"
                + (excludedOrgs.isEmpty() ? "" : " AND organization_id NOT IN (<orgs>)")
                + " ORDER BY priority, created_at, " + t.idColumn + " LIMIT " + CANDIDATES_PER_TABLE;
        var query = h.createQuery(sql);
        if (!excludedOrgs.isEmpty()) {
            query.bindList("orgs", excludedOrgs);
        }
        return query.map((rs, ctx) -> new QueueCandidate(
                new RunRef(t.kind, rs.getString("id"), rs.getString("organization_id")),
                rs.getInt("priority"), rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts")))
                .list();
    }

    private Outcome tryClaim(QueueCandidate c, String workerId, Instant now, Instant until) {
        RunTable t = RunTable.of(c.ref().kind());
        try {
            return database.jdbi().inTransaction(h -> {
                if (database.isPostgres() && !lockIfQueued(h, t, c.ref().id())) {
                    return Outcome.TAKEN;
                }
                if (!belowLimit(h, t, c.ref().organizationId())) {
                    return Outcome.ORG_FULL;
                }
                int updated = h.createUpdate("UPDATE " + t.table + " SET status = 'running', claimed_by = :w, "
                                + "lease_expires_at = :until, attempts = attempts + 1, "
                                + "started_at = :now, modified_at = :now WHERE "
                                + t.idColumn + " = :id AND status = 'queued' AND cancel_requested = FALSE")
                        .bind("w", workerId).bind("until", until).bind("now", now).bind("id", c.ref().id())
                        .execute();
                return updated == 1 ? Outcome.CLAIMED : Outcome.TAKEN;
            });
        } catch (JdbiException e) {
            if (!isContention(e)) {
                throw e;
            }
            // A lock timeout or serialisation failure under contention: someone else is on it.
            LOG.debug("Claim of {} {} lost to contention, trying the next candidate: {}",
                    t.kind, c.ref().id(), e.getMessage());
            return Outcome.TAKEN;
        }
    }

    /** Serialisation failure or deadlock (40xxx), PostgreSQL lock_not_available, H2 lock timeout. */
    private static boolean isContention(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("40") || state.equals("55P03") || state.equals("HYT00")
                        || sql.getErrorCode() == 50200;
            }
        }
        return false;
    }

    private static boolean lockIfQueued(Handle h, RunTable t, String id) {
        return h.createQuery("SELECT " + t.idColumn + " FROM " + t.table + " WHERE " + t.idColumn
                        + " = :id AND status = 'queued' FOR UPDATE SKIP LOCKED")
                .bind("id", id).mapTo(String.class).findOne().isPresent();
    }

    private boolean belowLimit(Handle h, RunTable t, String organizationId) {
        // NO KEY UPDATE on PostgreSQL: does not block inserts of rows that reference the organisation.
        String lock = database.isPostgres() ? " FOR NO KEY UPDATE" : " FOR UPDATE";
        Optional<Integer> limit = h.createQuery("SELECT " + t.limitColumn + " FROM organizations "
                        + "WHERE organization_id = :org" + lock)
                .bind("org", organizationId).mapTo(Integer.class).findOne();
        if (limit.isEmpty()) {
            return false;
        }
        long running = h.createQuery("SELECT COUNT(*) FROM " + t.table
                        + " WHERE organization_id = :org AND status = 'running'")
                .bind("org", organizationId).mapTo(Long.class).one();
        return running < limit.get();
    }

    @Override
    public boolean heartbeat(RunRef run, String workerId, Duration lease) {
        RunTable t = RunTable.of(run.kind());
        Instant now = clock.instant();
        return database.jdbi().withHandle(h -> h.createUpdate("UPDATE " + t.table
                        + " SET lease_expires_at = :until WHERE " + t.idColumn
                        + " = :id AND status = 'running' AND claimed_by = :w")
                .bind("until", now.plus(lease)).bind("id", run.id()).bind("w", workerId)
                .execute()) == 1;
    }

    @Override
    public boolean release(RunRef run, String workerId) {
        RunTable t = RunTable.of(run.kind());
        // A graceful hand-back is not a lost attempt, so the claim's attempt is given back too.
        return database.jdbi().withHandle(h -> h.createUpdate("UPDATE " + t.table + " SET status = 'queued', "
                        + "claimed_by = NULL, lease_expires_at = NULL, started_at = NULL, modified_at = :now, "
                        + "attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END WHERE "
                        + t.idColumn + " = :id AND status = 'running' AND claimed_by = :w")
                .bind("now", clock.instant()).bind("id", run.id()).bind("w", workerId).execute()) == 1;
    }

    @Override
    public boolean failIfStillClaimed(RunRef run, String workerId, String reason) {
        RunTable t = RunTable.of(run.kind());
        Instant now = clock.instant();
        return database.jdbi().withHandle(h -> h.createUpdate("UPDATE " + t.table + " SET status = 'failed', "
                        + "failure_reason = :reason, completed_at = :now, modified_at = :now, "
                        + "lease_expires_at = NULL WHERE " + t.idColumn
                        + " = :id AND status = 'running' AND claimed_by = :w")
                .bind("reason", reason).bind("now", now).bind("id", run.id()).bind("w", workerId)
                .execute()) == 1;
    }

    @Override
    public int recoverExpired(Clock at) {
        Instant now = at.instant();
        return database.jdbi().inTransaction(h -> {
            int changed = 0;
            for (RunTable t : RunTable.values()) {
                String expired = " WHERE status = 'running' AND lease_expires_at < :now";
                changed += h.createUpdate("UPDATE " + t.table + " SET status = 'canceled', completed_at = :now, "
                                + "modified_at = :now, lease_expires_at = NULL" + expired + " AND cancel_requested = TRUE")
                        .bind("now", now).execute();
                changed += h.createUpdate("UPDATE " + t.table + " SET status = 'failed', failure_reason = :reason, "
                                + "completed_at = :now, modified_at = :now, lease_expires_at = NULL"
                                + expired + " AND attempts >= 2")
                        .bind("now", now).bind("reason", LOST_TWICE).execute();
                changed += h.createUpdate("UPDATE " + t.table + " SET status = 'queued', claimed_by = NULL, "
                                + "lease_expires_at = NULL, started_at = NULL, modified_at = :now" + expired + " AND attempts < 2")
                        .bind("now", now).execute();
            }
            if (changed > 0) {
                LOG.info("Recovered {} run(s) whose worker lost the lease", changed);
            }
            return changed;
        });
    }

    @Override
    public boolean isCancelRequested(RunRef run) {
        RunTable t = RunTable.of(run.kind());
        return database.jdbi().withHandle(h -> h.createQuery("SELECT status, cancel_requested FROM " + t.table
                        + " WHERE " + t.idColumn + " = :id")
                .bind("id", run.id())
                .map((rs, ctx) -> "canceled".equals(rs.getString("status")) || rs.getBoolean("cancel_requested"))
                .findOne().orElse(true));
    }

    @Override
    public RunStanding standing(RunRef run, String workerId) {
        RunTable t = RunTable.of(run.kind());
        return database.jdbi().withHandle(h -> h.createQuery("SELECT status, cancel_requested, claimed_by FROM "
                        + t.table + " WHERE " + t.idColumn + " = :id")
                .bind("id", run.id())
                .map((rs, ctx) -> RunStanding.of(rs.getString("status"), rs.getBoolean("cancel_requested"),
                        rs.getString("claimed_by"), workerId))
                .findOne().orElse(RunStanding.LOST));
    }

    @Override
    public long depth() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM tasks WHERE status = 'queued')"
                + " + (SELECT COUNT(*) FROM workflow_runs WHERE status = 'queued')").mapTo(Long.class).one());
    }

    @Override
    public Map<String, Long> countsByStatus() {
        return database.jdbi().withHandle(h -> {
            Map<String, Long> counts = new TreeMap<>();
            for (RunTable t : RunTable.values()) {
                h.createQuery("SELECT status, COUNT(*) AS n FROM " + t.table + " GROUP BY status")
                        .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                        .forEach(e -> counts.merge(e.getKey(), e.getValue(), Long::sum));
            }
            return Map.copyOf(counts);
        });
    }
}
