package io.skyvern.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.skyvern.agent.ScriptStep;
import io.skyvern.common.Json;
import io.skyvern.common.Page;
import io.skyvern.common.PageRequest;
import io.skyvern.common.RunMode;
import io.skyvern.script.RunScript;
import io.skyvern.script.Script;
import io.skyvern.script.ScriptRepository;
import io.skyvern.script.ScriptVersion;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ScriptRepository} on the {@code scripts}, {@code script_versions}, {@code run_scripts} and
 * {@code step_modes} tables. A new version locks its script row, so two runs finishing at once get
 * versions n and n+1; two first versions under one key race on the unique key and the loser retries.
 * Thread-safe.
 */
public final class JdbiScriptRepository implements ScriptRepository {
    private static final TypeReference<List<ScriptStep>> STEPS = new TypeReference<>() { };
    private static final String COLUMNS = "script_id, organization_id, cache_key, latest_version, created_at, modified_at";
    private final Jdbi jdbi;

    public JdbiScriptRepository(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public Optional<Script> findByKey(String organizationId, String cacheKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM scripts WHERE organization_id = :org "
                        + "AND cache_key = :key").bind("org", organizationId).bind("key", cacheKey)
                .map((rs, ctx) -> script(rs)).findOne());
    }

    @Override
    public Optional<Script> find(String organizationId, String scriptId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM scripts WHERE organization_id = :org "
                        + "AND script_id = :id").bind("org", organizationId).bind("id", scriptId)
                .map((rs, ctx) -> script(rs)).findOne());
    }

    @Override
    public Optional<ScriptVersion> version(String scriptId, int version) {
        return jdbi.withHandle(h -> h.createQuery("SELECT script_id, version, task_id, steps, created_at "
                        + "FROM script_versions WHERE script_id = :id AND version = :v")
                .bind("id", scriptId).bind("v", version).map((rs, ctx) -> version(rs)).findOne());
    }

    @Override
    public List<ScriptVersion> versions(String scriptId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT script_id, version, task_id, steps, created_at "
                        + "FROM script_versions WHERE script_id = :id ORDER BY version DESC")
                .bind("id", scriptId).map((rs, ctx) -> version(rs)).list());
    }

    @Override
    public ScriptVersion addVersion(String organizationId, String cacheKey, String newScriptId, String taskId,
                                    List<ScriptStep> steps, Instant now) {
        String json = SqlValues.json(steps);
        try {
            return jdbi.inTransaction(h -> add(h, organizationId, cacheKey, newScriptId, taskId, steps, json, now));
        } catch (StatementException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // Another run created the script under this key meanwhile: add to it.
            return jdbi.inTransaction(h -> add(h, organizationId, cacheKey, newScriptId, taskId, steps, json, now));
        }
    }

    private static ScriptVersion add(Handle h, String org, String key, String newId, String taskId,
                                     List<ScriptStep> steps, String json, Instant now) {
        Optional<Map.Entry<String, Integer>> existing = h.createQuery("SELECT script_id, latest_version FROM scripts "
                        + "WHERE organization_id = :org AND cache_key = :key FOR UPDATE")
                .bind("org", org).bind("key", key)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).findOne();
        String scriptId;
        int version;
        if (existing.isEmpty()) {
            scriptId = newId;
            version = 1;
            h.createUpdate("INSERT INTO scripts (" + COLUMNS + ") VALUES (:id, :org, :key, 1, :now, :now)")
                    .bind("id", scriptId).bind("org", org).bind("key", key).bind("now", SqlValues.time(now)).execute();
        } else {
            scriptId = existing.get().getKey();
            version = existing.get().getValue() + 1;
            h.createUpdate("UPDATE scripts SET latest_version = :v, modified_at = :now WHERE script_id = :id")
                    .bind("v", version).bind("now", SqlValues.time(now)).bind("id", scriptId).execute();
        }
        h.createUpdate("INSERT INTO script_versions (script_id, version, task_id, steps, created_at) "
                        + "VALUES (:id, :v, :task, :steps, :now)")
                .bind("id", scriptId).bind("v", version).bind("task", taskId).bind("steps", json)
                .bind("now", SqlValues.time(now)).execute();
        return new ScriptVersion(scriptId, version, taskId, steps, now);
    }

    @Override
    public Page<Script> list(String organizationId, PageRequest page) {
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM scripts WHERE organization_id = :org")
                    .bind("org", organizationId).mapTo(Long.class).one();
            List<Script> items = h.createQuery("SELECT " + COLUMNS + " FROM scripts WHERE organization_id = :org "
                            + "ORDER BY created_at DESC, script_id DESC LIMIT :limit OFFSET :offset")
                    .bind("org", organizationId).bind("limit", page.pageSize()).bind("offset", page.offset())
                    .map((rs, ctx) -> script(rs)).list();
            return Page.of(items, page, total);
        });
    }

    @Override
    public boolean delete(String organizationId, String scriptId) {
        return jdbi.inTransaction(h -> {
            boolean ours = h.createQuery("SELECT COUNT(*) FROM scripts WHERE organization_id = :org AND script_id = :id")
                    .bind("org", organizationId).bind("id", scriptId).mapTo(Integer.class).one() > 0;
            if (!ours) {
                return false;
            }
            h.createUpdate("DELETE FROM script_versions WHERE script_id = :id").bind("id", scriptId).execute();
            h.createUpdate("DELETE FROM scripts WHERE script_id = :id").bind("id", scriptId).execute();
            return true;
        });
    }

    @Override
    public void saveRun(String runId, String organizationId, RunScript run) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO run_scripts (run_id, organization_id, run_mode, cache_key, "
                        + "script_id, script_version) VALUES (:run, :org, :mode, :key, :script, :version)")
                .bind("run", runId).bind("org", organizationId).bind("mode", run.runMode().wireName())
                .bind("key", run.cacheKey().orElse(null)).bind("script", run.scriptId().orElse(null))
                .bind("version", run.scriptVersion().orElse(null)).execute());
    }

    @Override
    public void forgetRun(String runId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM run_scripts WHERE run_id = :run").bind("run", runId).execute());
    }

    @Override
    public Optional<RunScript> findRun(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT run_mode, cache_key, script_id, script_version "
                        + "FROM run_scripts WHERE run_id = :run").bind("run", runId)
                .map((rs, ctx) -> new RunScript(RunMode.parse(rs.getString("run_mode")),
                        Optional.ofNullable(rs.getString("cache_key")), Optional.ofNullable(rs.getString("script_id")),
                        Optional.ofNullable((Integer) rs.getObject("script_version", Integer.class))))
                .findOne());
    }

    @Override
    public Map<String, RunScript> findRuns(java.util.Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> {
            Map<String, RunScript> runs = new LinkedHashMap<>();
            h.createQuery("SELECT run_id, run_mode, cache_key, script_id, script_version FROM run_scripts "
                            + "WHERE run_id IN (<runs>)").bindList("runs", List.copyOf(runIds))
                    .map((rs, ctx) -> Map.entry(rs.getString("run_id"), new RunScript(
                            RunMode.parse(rs.getString("run_mode")), Optional.ofNullable(rs.getString("cache_key")),
                            Optional.ofNullable(rs.getString("script_id")),
                            Optional.ofNullable((Integer) rs.getObject("script_version", Integer.class)))))
                    .forEach(e -> runs.put(e.getKey(), e.getValue()));
            return runs;
        });
    }

    @Override
    public void runUsed(String runId, String scriptId, int version) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE run_scripts SET script_id = :script, script_version = :v "
                + "WHERE run_id = :run").bind("script", scriptId).bind("v", version).bind("run", runId).execute());
    }

    @Override
    public void stepMode(String stepId, String taskId, String mode) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO step_modes (step_id, task_id, mode) VALUES (:step, :task, :mode)")
                .bind("step", stepId).bind("task", taskId).bind("mode", mode).execute());
    }

    /**
     * Replayed steps are matched with the step of the same order of the task that recorded version 1
     * of the script the run used: what that step's model call cost is what the replay saved.
     */
    @Override
    public io.skyvern.script.ReplaySavings savings(String taskId) {
        String sql = "SELECT m.mode AS mode, COUNT(*) AS steps, "
                + "SUM(CASE WHEN r.input_tokens + r.output_tokens > 0 THEN 1 ELSE 0 END) AS calls, "
                + "COALESCE(SUM(r.input_tokens + r.output_tokens), 0) AS tokens "
                + "FROM step_modes m JOIN steps s ON s.step_id = m.step_id "
                + "LEFT JOIN run_scripts rs ON rs.run_id = m.task_id "
                + "LEFT JOIN script_versions v ON v.script_id = rs.script_id AND v.version = 1 "
                + "LEFT JOIN steps r ON r.task_id = v.task_id AND r.step_order = s.step_order AND r.retry_index = 0 "
                + (taskId == null ? "" : "WHERE m.task_id = :task ") + "GROUP BY m.mode";
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            if (taskId != null) {
                q.bind("task", taskId);
            }
            long replayed = 0;
            long healed = 0;
            long calls = 0;
            long tokens = 0;
            for (Map<String, Object> row : q.mapToMap().list()) {
                long steps = ((Number) row.get("steps")).longValue();
                if ("replayed".equals(row.get("mode"))) {
                    replayed = steps;
                    calls = row.get("calls") == null ? 0 : ((Number) row.get("calls")).longValue();
                    tokens = ((Number) row.get("tokens")).longValue();
                } else if ("healed".equals(row.get("mode"))) {
                    healed = steps;
                }
            }
            return new io.skyvern.script.ReplaySavings(replayed, healed, calls, tokens);
        });
    }

    @Override
    public Map<String, String> stepModes(String taskId) {
        return jdbi.withHandle(h -> {
            Map<String, String> modes = new LinkedHashMap<>();
            h.createQuery("SELECT step_id, mode FROM step_modes WHERE task_id = :task").bind("task", taskId)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> modes.put(e.getKey(), e.getValue()));
            return modes;
        });
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Script script(ResultSet rs) throws SQLException {
        return new Script(rs.getString("script_id"), rs.getString("organization_id"), rs.getString("cache_key"),
                rs.getInt("latest_version"), SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "modified_at"));
    }

    private static ScriptVersion version(ResultSet rs) throws SQLException {
        try {
            return new ScriptVersion(rs.getString("script_id"), rs.getInt("version"), rs.getString("task_id"),
                    Json.mapper().readValue(rs.getString("steps"), STEPS), SqlValues.instant(rs, "created_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Script " + rs.getString("script_id") + " has unreadable steps", e);
        }
    }
}
