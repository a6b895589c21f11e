package io.skyvern.script;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.agent.ScriptStep;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.IdPrefix;
import io.skyvern.common.Page;
import io.skyvern.common.PageRequest;
import io.skyvern.common.SkyvernException;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scripts of an organisation: the latest version under a cache key (for a replay), new versions
 * from completed runs, and the list/show/delete a client sees. Another organisation's script is
 * never found ({@code SCRIPT_NOT_FOUND}). Also keeps each run's mode and script, and each step's
 * mode. Thread-safe.
 */
public final class ScriptService {
    private final ScriptRepository repository;
    private final IdGenerator ids;
    private final Clock clock;

    public ScriptService(ScriptRepository repository, IdGenerator ids, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String cacheKey(String template, String url, String navigationGoal, JsonNode payload) {
        return CacheKeys.of(template, url, navigationGoal, payload);
    }

    /** The version a replay under {@code cacheKey} uses: the latest. */
    public Optional<ScriptVersion> latest(String organizationId, String cacheKey) {
        return repository.findByKey(organizationId, cacheKey)
                .flatMap(s -> repository.version(s.scriptId(), s.latestVersion()));
    }

    /** Saves what a completed run did as the next version under {@code cacheKey}. */
    public ScriptVersion record(String organizationId, String cacheKey, String taskId, List<ScriptStep> steps) {
        return repository.addVersion(organizationId, cacheKey, ids.next(IdPrefix.SCRIPT), taskId, steps,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    public Page<Script> list(String organizationId, PageRequest page) {
        return repository.list(organizationId, page);
    }

    public ScriptDetails get(String organizationId, String scriptId) {
        Script script = find(organizationId, scriptId);
        return new ScriptDetails(script, repository.versions(script.scriptId()));
    }

    /** A version of a script of this organisation, or {@code SCRIPT_NOT_FOUND}. */
    public ScriptVersion version(String organizationId, String scriptId, int version) {
        find(organizationId, scriptId);
        return repository.version(scriptId, version).orElseThrow(() -> notFound(scriptId));
    }

    public void delete(String organizationId, String scriptId) {
        if (organizationId == null || scriptId == null || !repository.delete(organizationId, scriptId)) {
            throw notFound(scriptId);
        }
    }

    /**
     * The task's script as a standalone Playwright-for-Java program ({@link JavaExporter}); the
     * caller has checked the task belongs to {@code organizationId}. {@code SCRIPT_NOT_FOUND} when the
     * task used or recorded no script (it did not complete) or its script was deleted.
     */
    public String exportJava(String organizationId, String taskId, String startUrl, JsonNode payload) {
        RunScript run = repository.findRun(taskId).filter(r -> r.scriptId().isPresent() && r.scriptVersion().isPresent())
                .orElseThrow(() -> new SkyvernException(ErrorCode.SCRIPT_NOT_FOUND, "Task " + taskId
                        + " has no script: only a completed run records one"));
        ScriptVersion version = version(organizationId, run.scriptId().get(), run.scriptVersion().get());
        return new JavaExporter().export(taskId, startUrl, payload, version);
    }

    public void saveRun(String runId, String organizationId, RunScript run) {
        repository.saveRun(runId, organizationId, run);
    }

    /** Forgets the settings of a run that was refused after they were stored. */
    public void forgetRun(String runId) {
        repository.forgetRun(runId);
    }

    public Optional<RunScript> run(String runId) {
        return repository.findRun(runId);
    }

    /** run id → settings and script, for those of {@code runIds} that have them. */
    public Map<String, RunScript> runs(java.util.Collection<String> runIds) {
        return repository.findRuns(runIds);
    }

    public void runUsed(String runId, ScriptVersion version) {
        repository.runUsed(runId, version.scriptId(), version.version());
    }

    public void stepMode(String stepId, String taskId, String mode) {
        repository.stepMode(stepId, taskId, mode);
    }

    /** What the task's replay saved ({@link ReplaySavings}). */
    public ReplaySavings savings(String taskId) {
        return repository.savings(Objects.requireNonNull(taskId, "taskId"));
    }

    /** What every replay on this instance's database saved (for /metrics: all organisations). */
    public ReplaySavings totalSavings() {
        return repository.savings(null);
    }

    public Map<String, String> stepModes(String taskId) {
        return repository.stepModes(taskId);
    }

    private Script find(String organizationId, String scriptId) {
        if (organizationId == null || scriptId == null) {
            throw notFound(scriptId);
        }
        return repository.find(organizationId, scriptId).orElseThrow(() -> notFound(scriptId));
    }

    private static SkyvernException notFound(String scriptId) {
        return new SkyvernException(ErrorCode.SCRIPT_NOT_FOUND, "Script " + scriptId + " not found");
    }
}
