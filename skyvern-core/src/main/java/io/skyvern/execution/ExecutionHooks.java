package io.skyvern.execution;

import io.skyvern.browsersession.BrowserSessionService;
import io.skyvern.common.RunMode;
import io.skyvern.script.RunScript;
import io.skyvern.script.ScriptService;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.LoginSettings;
import io.skyvern.task.Step;
import io.skyvern.task.Task;
import io.skyvern.task.TaskHooks;
import io.skyvern.webhook.DeliveryResult;
import io.skyvern.workflow.StartRunRequest;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunBlock;
import io.skyvern.workflow.WorkflowRunHooks;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The task and workflow services' hooks into execution: a task or run naming a browser session
 * needs a usable one, a new task or run wakes the workers, a cancel reaches the run in flight (waiting a few seconds for it
 * to stop), and a task canceled before it ran still gets its webhook.
 */
public final class ExecutionHooks implements TaskHooks, WorkflowRunHooks {
    /** How long a cancel waits for the run to actually stop. */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final BrowserSessionService browserSessions;
    private final RunRegistry registry;
    private final Runnable nudge;
    private final RunWebhooks webhooks;
    private volatile LoginRuns logins;
    private volatile ScriptService scripts;
    private volatile RunMode defaultRunMode = RunMode.AGENT;

    public ExecutionHooks(BrowserSessionService browserSessions, RunRegistry registry, Runnable nudge,
                          RunWebhooks webhooks) {
        this.browserSessions = Objects.requireNonNull(browserSessions, "browserSessions");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.nudge = Objects.requireNonNull(nudge, "nudge");
        this.webhooks = webhooks;
    }

    /** Login settings of tasks and runs (credential check, storage); set once by the composition root. */
    public void useLogins(LoginRuns value) {
        this.logins = Objects.requireNonNull(value, "logins");
    }

    /** Replay settings of tasks (run_mode, cache_key) and the mode of tasks naming none; set once by the composition root. */
    public void useScripts(ScriptService value, RunMode defaultMode) {
        this.scripts = Objects.requireNonNull(value, "scripts");
        this.defaultRunMode = Objects.requireNonNull(defaultMode, "defaultMode");
    }

    @Override
    public void beforeCreate(String organizationId, CreateTaskRequest request) {
        if (request.browserSessionId() != null) {
            browserSessions.requireUsable(organizationId, request.browserSessionId());
        }
        LoginRuns l = logins;
        if (l != null) {
            l.checkCreate(organizationId, request.login());
        }
    }

    @Override
    public void beforeInsert(Task task, CreateTaskRequest request) {
        ScriptService s = scripts;
        if (s != null) {
            RunMode mode = request.runMode() == null ? defaultRunMode : request.runMode();
            s.saveRun(task.taskId(), task.organizationId(), RunScript.of(mode, request.cacheKey()));
        }
        LoginRuns l = logins;
        if (l != null) {
            l.save(task.taskId(), task.organizationId(), request.login());
        } else if (!request.login().isEmpty()) {
            throw new IllegalStateException("login settings given but no login store is wired");
        }
    }

    @Override
    public void notInserted(Task task) {
        ScriptService s = scripts;
        if (s != null) {
            s.forgetRun(task.taskId());
        }
        LoginRuns l = logins;
        if (l != null) {
            l.forget(task.taskId());
        }
    }

    @Override
    public void notInserted(WorkflowRun run) {
        ScriptService s = scripts;
        if (s != null) {
            s.forgetRun(run.workflowRunId());
        }
        LoginRuns l = logins;
        if (l != null) {
            l.forget(run.workflowRunId());
        }
    }

    @Override
    public void created(Task task) {
        nudge.run();
    }

    @Override
    public void beforeStart(String organizationId, StartRunRequest request) {
        if (request.browserSessionId() != null) {
            browserSessions.requireUsable(organizationId, request.browserSessionId());
        }
    }

    @Override
    public void beforeInsert(WorkflowRun run, StartRunRequest request) {
        ScriptService s = scripts;
        if (s != null) {
            RunMode mode = request.runMode() == null ? defaultRunMode : request.runMode();
            s.saveRun(run.workflowRunId(), run.organizationId(), RunScript.of(mode, request.cacheKey()));
        }
        LoginRuns l = logins;
        if (l != null) {
            l.save(run.workflowRunId(), run.organizationId(), request.login());
        } else if (!request.login().isEmpty()) {
            throw new IllegalStateException("login settings given but no login store is wired");
        }
    }

    @Override
    public List<Task> withScripts(List<Task> tasks) {
        ScriptService s = scripts;
        if (s == null || tasks.isEmpty()) {
            return tasks;
        }
        Map<String, RunScript> runs = s.runs(tasks.stream().map(Task::taskId).toList());
        return tasks.stream().map(t -> {
            RunScript r = runs.get(t.taskId());
            return r == null ? t : t.withScript(r.runMode().wireName(), r.cacheKey().orElse(null),
                    r.scriptId().orElse(null), r.scriptVersion().orElse(null));
        }).toList();
    }

    @Override
    public Map<String, Object> replayMetrics(String taskId) {
        ScriptService s = scripts;
        return s == null ? Map.of() : s.savings(taskId).asMetrics();
    }

    @Override
    public List<Step> withModes(String taskId, List<Step> steps) {
        ScriptService s = scripts;
        if (s == null || steps.isEmpty()) {
            return steps;
        }
        Map<String, String> modes = s.stepModes(taskId);
        return modes.isEmpty() ? steps
                : steps.stream().map(st -> st.withMode(modes.getOrDefault(st.stepId(), Step.AGENT))).toList();
    }

    @Override
    public List<WorkflowRunBlock> blocksWithScripts(List<WorkflowRunBlock> blocks) {
        ScriptService s = scripts;
        if (s == null || blocks.isEmpty()) {
            return blocks;
        }
        Map<String, RunScript> runs = s.runs(blocks.stream().map(WorkflowRunBlock::workflowRunBlockId).toList());
        return blocks.stream().map(b -> {
            RunScript r = runs.get(b.workflowRunBlockId());
            return r == null ? b : b.withScript(r.runMode().wireName(), r.cacheKey().orElse(null),
                    r.scriptId().orElse(null), r.scriptVersion().orElse(null));
        }).toList();
    }

    @Override
    public Map<String, LoginSettings> loginSettings(String organizationId, Collection<String> runIds) {
        LoginRuns l = logins;
        return l == null ? Map.of() : l.settingsOf(organizationId, runIds);
    }

    @Override
    public void started(WorkflowRun run) {
        nudge.run();
    }

    @Override
    public void stopRunning(String runId, boolean force) {
        registry.stop(runId, force, STOP_WAIT);
    }

    @Override
    public void finishedWithoutRun(Task task) {
        if (webhooks != null) {
            webhooks.finished(task);
        }
    }

    @Override
    public void finishedWithoutRun(WorkflowRun run) {
        if (webhooks != null) {
            webhooks.finished(run);
        }
    }

    @Override
    public DeliveryResult resendWebhook(Task task) {
        if (webhooks == null) {
            return TaskHooks.super.resendWebhook(task);
        }
        return webhooks.resend(task);
    }
}
