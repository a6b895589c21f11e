package io.skyvern.script;

import io.skyvern.agent.ScriptStep;
import io.skyvern.common.Page;
import io.skyvern.common.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores scripts, their versions, runs' replay settings and steps' modes. Thread-safe. */
public interface ScriptRepository {
    Optional<Script> findByKey(String organizationId, String cacheKey);

    Optional<Script> find(String organizationId, String scriptId);

    Optional<ScriptVersion> version(String scriptId, int version);

    /** Newest first. */
    List<ScriptVersion> versions(String scriptId);

    /** Adds a version under {@code cacheKey} (creating the script with {@code newScriptId} if none); returns it. */
    ScriptVersion addVersion(String organizationId, String cacheKey, String newScriptId, String taskId,
                             List<ScriptStep> steps, Instant now);

    Page<Script> list(String organizationId, PageRequest page);

    /** Whether a script of the organisation was deleted. */
    boolean delete(String organizationId, String scriptId);

    void saveRun(String runId, String organizationId, RunScript run);

    /** Removes a run's settings (a run refused after they were stored, e.g. over a limit). */
    void forgetRun(String runId);

    Optional<RunScript> findRun(String runId);

    /** run id → settings, for those of {@code runIds} that have a row (one query). */
    java.util.Map<String, RunScript> findRuns(java.util.Collection<String> runIds);

    void runUsed(String runId, String scriptId, int version);

    void stepMode(String stepId, String taskId, String mode);

    /** Savings of one task's replay ({@code taskId}), or of every task when null ({@link ReplaySavings}). */
    ReplaySavings savings(String taskId);

    /** step id → mode, for the steps of a task that recorded one. */
    java.util.Map<String, String> stepModes(String taskId);
}
