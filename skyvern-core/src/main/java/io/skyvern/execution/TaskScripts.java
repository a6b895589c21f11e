package io.skyvern.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.agent.AgentResult;
import io.skyvern.agent.ScriptRun;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.RunMode;
import io.skyvern.common.SkyvernException;
import io.skyvern.script.RunScript;
import io.skyvern.script.ScriptService;
import io.skyvern.script.ScriptVersion;
import io.skyvern.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;

/**
 * A run's script before and after it (a task, or a task-like workflow block run): which script the
 * run replays (by its run mode and cache key), and which version it leaves behind. A completed run
 * that was not a plain replay saves a new version (the first recording, a healed run, or one the
 * agent finished after a divergence); a plain replay names the version it used. Thread-safe.
 */
final class TaskScripts {
    private static final Logger LOG = LoggerFactory.getLogger(TaskScripts.class);

    private final ScriptService scripts;
    private final RunMode defaultMode;

    /** What the run replays or records, under which key, and the version it starts from (if any). */
    record Prepared(ScriptRun run, String cacheKey, Optional<ScriptVersion> used) {
    }

    TaskScripts(ScriptService scripts, RunMode defaultMode) {
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.defaultMode = Objects.requireNonNull(defaultMode, "defaultMode");
    }

    RunMode defaultMode() {
        return defaultMode;
    }

    ScriptService service() {
        return scripts;
    }

    /** Throws {@code VALIDATION_FAILED} when the task must replay and there is no script to replay. */
    Prepared prepare(Task task) {
        Optional<RunScript> stored = scripts.run(task.taskId());
        RunScript settings = stored.orElse(RunScript.of(defaultMode, null));
        if (stored.isEmpty()) {
            scripts.saveRun(task.taskId(), task.organizationId(), settings);   // created before scripts were wired
        }
        String key = scripts.cacheKey(settings.cacheKey().orElse(null), task.url(), task.navigationGoal(),
                task.navigationPayload());
        return prepare(task.organizationId(), settings.runMode(), key);
    }

    /** The script a run in {@code mode} replays under {@code key}; VALIDATION_FAILED for replay without one. */
    Prepared prepare(String organizationId, RunMode mode, String key) {
        Optional<ScriptVersion> latest = mode == RunMode.AGENT ? Optional.empty()
                : scripts.latest(organizationId, key);
        if (mode == RunMode.REPLAY && latest.isEmpty()) {
            throw new SkyvernException(ErrorCode.VALIDATION_FAILED, "run_mode replay: there is no script under the "
                    + "cache key '" + key + "' yet; run once with run_mode agent or auto to record one");
        }
        return new Prepared(latest.map(v -> ScriptRun.replay(v.steps())).orElseGet(ScriptRun::record), key, latest);
    }

    /** Saves the new version a completed run recorded, or notes the version a plain replay used. */
    void finish(Task task, Prepared prepared, AgentResult result) {
        finish(task.organizationId(), task.taskId(), prepared, result);
    }

    /** As {@link #finish(Task, Prepared, AgentResult)} for any run ({@code runId}: a task or a block run). */
    void finish(String organizationId, String runId, Prepared prepared, AgentResult result) {
        if (!(result instanceof AgentResult.Completed)) {
            prepared.used().ifPresent(v -> scripts.runUsed(runId, v));
            return;
        }
        ScriptRun run = prepared.run();
        try {
            if (prepared.used().isPresent() && !run.changed()) {
                scripts.runUsed(runId, prepared.used().get());
                return;
            }
            ScriptVersion saved = scripts.record(organizationId, prepared.cacheKey(), runId, run.recorded());
            scripts.runUsed(runId, saved);
        } catch (RuntimeException e) {
            // The run itself succeeded: a script that could not be saved costs the next run a model, not this one.
            LOG.warn("Run {}: the script could not be saved: {}", runId, e.getMessage());
        }
    }
}
