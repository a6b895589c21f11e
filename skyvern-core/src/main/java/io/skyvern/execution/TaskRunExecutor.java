package io.skyvern.execution;

import io.skyvern.agent.AgentGoal;
import io.skyvern.agent.AgentLoop;
import io.skyvern.agent.AgentResult;
import io.skyvern.agent.ScriptRun;
import io.skyvern.artifact.ArtifactService;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.browser.BrowserManager;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.SessionOptions;
import io.skyvern.browsersession.BrowserSessionService;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.queue.RunContext;
import io.skyvern.script.ScriptService;
import io.skyvern.queue.RunExecutor;
import io.skyvern.queue.RunRef;
import io.skyvern.task.StepStatus;
import io.skyvern.task.Task;
import io.skyvern.task.TaskRepositories;
import io.skyvern.task.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Executes one claimed task: opens its browser session (fresh, or the persistent one of the
 * browser session it names), runs the agent loop under the task's stop signals, records
 * everything through a {@link TaskRunRecorder}, writes the final status and sends the webhook.
 * Without a configured LLM the task fails at once and no browser is started. Thread-safe.
 */
public final class TaskRunExecutor implements RunExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunExecutor.class);

    private final TaskRepositories repos;
    private final ArtifactService artifacts;
    private final BrowserManager browsers;
    private final Supplier<AgentLoop> agent;
    private final BrowserSessionService browserSessions;
    private final RunLifecycle lifecycle;
    private final RunWebhooks webhooks;
    private final SkyvernConfig config;
    private final IdGenerator ids;
    private final Clock clock;
    /** Login settings and secrets of tasks; absent: a task's secrets are its payload's. */
    private final Optional<LoginRuns> logins;
    /** Replay scripts; absent: every run is an agent run and records nothing. */
    private final Optional<TaskScripts> scripts;
    private final Optional<ScriptService> stepModes;

    public TaskRunExecutor(TaskRepositories repos, ArtifactService artifacts, BrowserManager browsers,
                           Supplier<AgentLoop> agent, BrowserSessionService browserSessions, RunRegistry registry,
                           RunWebhooks webhooks, SkyvernConfig config, IdGenerator ids, Clock clock) {
        this(repos, artifacts, browsers, agent, browserSessions, registry, webhooks, config, ids, clock, null);
    }

    /** With the login settings of tasks ({@code logins} null: none). */
    public TaskRunExecutor(TaskRepositories repos, ArtifactService artifacts, BrowserManager browsers,
                           Supplier<AgentLoop> agent, BrowserSessionService browserSessions, RunRegistry registry,
                           RunWebhooks webhooks, SkyvernConfig config, IdGenerator ids, Clock clock,
                           LoginRuns logins) {
        this(repos, artifacts, browsers, agent, browserSessions, registry, webhooks, config, ids, clock, logins, null);
    }

    /** With login settings and replay scripts (either null: none). */
    public TaskRunExecutor(TaskRepositories repos, ArtifactService artifacts, BrowserManager browsers,
                           Supplier<AgentLoop> agent, BrowserSessionService browserSessions, RunRegistry registry,
                           RunWebhooks webhooks, SkyvernConfig config, IdGenerator ids, Clock clock,
                           LoginRuns logins, ScriptService scripts) {
        this.logins = Optional.ofNullable(logins);
        this.scripts = Optional.ofNullable(scripts).map(s -> new TaskScripts(s, config.runs().defaultRunMode()));
        this.stepModes = Optional.ofNullable(scripts);
        this.repos = Objects.requireNonNull(repos, "repos");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.browsers = Objects.requireNonNull(browsers, "browsers");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.browserSessions = Objects.requireNonNull(browserSessions, "browserSessions");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.config = Objects.requireNonNull(config, "config");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifecycle = new RunLifecycle(registry, clock);
    }

    @Override
    public void execute(RunContext context) {
        RunRef ref = context.run().ref();
        Optional<Task> found = repos.tasks().find(ref.organizationId(), ref.id());
        if (found.isEmpty() || found.get().status() != TaskStatus.RUNNING) {
            return;  // canceled between claim and start: nothing to do
        }
        Task task = found.get();
        TaskRunRecorder recorder = new TaskRunRecorder(task, repos, artifacts, ids, clock, stepModes.orElse(null));
        recorder.log("INFO", ClaimNote.of(context.run()));
        AgentLoop loop;
        try {
            loop = agent.get();
        } catch (SkyvernException e) {
            recorder.log("ERROR", e.getMessage());
            finish(context, task, new RunOutcome(RunOutcome.Kind.FAILED, null, e.getMessage()));
            return;
        }
        Optional<TaskScripts.Prepared> script;
        try {
            script = scripts.map(s -> s.prepare(task));
        } catch (SkyvernException e) {
            recorder.log("ERROR", e.getMessage());
            finish(context, task, new RunOutcome(RunOutcome.Kind.FAILED, null, e.getMessage()));
            return;
        }
        RunOutcome outcome = runWithSession(context, task, loop, recorder, script);
        if (!context.leaseLost() || context.cancelRequested()) {
            closeSteps(outcome, recorder);
        }
        finish(context, task, outcome);
    }

    private RunOutcome runWithSession(RunContext context, Task task, AgentLoop loop, TaskRunRecorder recorder,
                                      Optional<TaskScripts.Prepared> script) {
        ScriptRun scriptRun = script.map(TaskScripts.Prepared::run).orElseGet(ScriptRun::record);
        Optional<Path> trace = config.browser().trace()
                ? Optional.of(config.dataDir().resolve("traces").resolve(task.taskId() + ".zip")) : Optional.empty();
        BrowserSession session;
        try {
            SessionOptions options = task.browserSessionId() == null ? SessionOptions.fresh()
                    : SessionOptions.persistent(browserSessions.acquire(task.organizationId(),
                            task.browserSessionId(), task.taskId(), config.taskTimeout(),
                            () -> context.cancelRequested() || context.leaseLost()));
            session = browsers.openSession(trace.map(options::withTrace).orElse(options));
        } catch (SkyvernException e) {
            release(task);
            recorder.log("ERROR", e.getMessage());
            return new RunOutcome(RunOutcome.Kind.FAILED, null, e.getMessage());
        }
        Instant deadline = (task.startedAt() == null ? clock.instant() : task.startedAt()).plus(config.taskTimeout());
        RunOutcome outcome;
        try (RunLifecycle.ActiveRun active = lifecycle.begin(context, task.taskId(), Optional.of(deadline), session)) {
            AgentResult result;
            try {
                QueueRunControl control = active.control();
                result = loop.run(goal(task, secretsOf(task, control, deadline)), session, control, recorder,
                        config.dataDir().resolve("downloads").resolve(task.taskId()), scriptRun);
            } catch (SkyvernException e) {
                recorder.log("ERROR", e.getMessage());
                result = new AgentResult.Failed(e.getMessage(), io.skyvern.agent.AgentUsage.ZERO);
            } catch (RuntimeException e) {
                result = active.stopRequested()
                        ? new AgentResult.Canceled("Canceled", io.skyvern.agent.AgentUsage.ZERO)
                        : new AgentResult.Failed("Internal error: " + e.getMessage(), io.skyvern.agent.AgentUsage.ZERO);
            }
            if (script.isPresent() && !context.leaseLost()) {
                scripts.get().finish(task, script.get(), result);
            }
            outcome = active.timedOut() && !(result instanceof AgentResult.Completed)
                    ? RunOutcome.timedOut(config.taskTimeout().toSeconds() + " s", null) : outcomeOf(result);
        } finally {
            session.close();
            release(task);
        }
        trace.filter(Files::isRegularFile).ifPresent(file -> recordTrace(recorder, file));
        return outcome;
    }

    private void release(Task task) {
        if (task.browserSessionId() != null) {
            browserSessions.release(task.browserSessionId(), task.taskId());
        }
    }

    private static AgentGoal goal(Task t, io.skyvern.agent.PayloadSecrets secrets) {
        return new AgentGoal(t.url(), t.navigationGoal(), t.dataExtractionGoal(), t.navigationPayload(),
                t.extractedInformationSchema(), t.errorCodeMapping(), t.maxSteps(), secrets);
    }

    /** The payload's secrets plus the task's credential and code source; a wait for a code stops with the run. */
    private io.skyvern.agent.PayloadSecrets secretsOf(Task task, QueueRunControl control, Instant deadline) {
        return logins.map(l -> l.secretsFor(task, () -> control.cancelRequested()
                || !clock.instant().isBefore(deadline))).orElseGet(() ->
                io.skyvern.agent.PayloadSecrets.of(task.navigationPayload()));
    }

    private static RunOutcome outcomeOf(AgentResult result) {
        if (result instanceof AgentResult.Completed r) {
            return new RunOutcome(RunOutcome.Kind.COMPLETED, r.extractedInformation(), null);
        } else if (result instanceof AgentResult.Terminated r) {
            return new RunOutcome(RunOutcome.Kind.TERMINATED, null,
                    r.errorCode() == null ? r.reason() : r.errorCode() + ": " + r.reason());
        } else if (result instanceof AgentResult.Failed r) {
            return new RunOutcome(RunOutcome.Kind.FAILED, null, r.reason());
        } else if (result instanceof AgentResult.Canceled r) {
            return new RunOutcome(RunOutcome.Kind.CANCELED, null, r.reason());
        }
        return RunOutcome.timedOut("deadline", null);
    }

    /** Steps still open when the run ended are closed with its reason. */
    private void closeSteps(RunOutcome outcome, TaskRunRecorder recorder) {
        switch (outcome.kind()) {
            case COMPLETED, TERMINATED -> recorder.closeOpenSteps(StepStatus.FAILED, "Run ended");
            case FAILED -> recorder.closeOpenSteps(StepStatus.FAILED, outcome.reason());
            case CANCELED -> recorder.closeOpenSteps(StepStatus.CANCELED, outcome.reason());
            case TIMED_OUT -> {
                recorder.closeOpenSteps(StepStatus.CANCELED, outcome.reason());
                recorder.log("WARN", outcome.reason());
            }
        }
    }

    /** The one finish-and-notify path ({@link RunFinisher}). */
    private void finish(RunContext context, Task task, RunOutcome outcome) {
        RunFinisher.finish(context, new TaskEnding(task, context.run().workerId(), repos.tasks(), webhooks), outcome,
                clock);
    }

    private static void recordTrace(TaskRunRecorder recorder, Path file) {
        try {
            recorder.taskArtifact(ArtifactType.TRACE, Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Trace {} could not be recorded: {}", file, e.getMessage());
        }
    }
}
