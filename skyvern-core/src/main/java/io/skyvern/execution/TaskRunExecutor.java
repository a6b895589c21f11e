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
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;
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
    private final RunRegistry registry;
    private final TaskWebhooks webhooks;
    private final SkyvernConfig config;
    private final IdGenerator ids;
    private final Clock clock;
    /** Stops runs at their deadline even inside a long LLM call (the loop checks only between actions). */
    private final RunDeadlines watchdog = new RunDeadlines(java.time.Duration.ofMinutes(1));
    /** Login settings and secrets of tasks; absent: a task's secrets are its payload's. */
    private final Optional<LoginRuns> logins;
    /** Replay scripts; absent: every run is an agent run and records nothing. */
    private final Optional<TaskScripts> scripts;
    private final Optional<ScriptService> stepModes;

    public TaskRunExecutor(TaskRepositories repos, ArtifactService artifacts, BrowserManager browsers,
                           Supplier<AgentLoop> agent, BrowserSessionService browserSessions, RunRegistry registry,
                           TaskWebhooks webhooks, SkyvernConfig config, IdGenerator ids, Clock clock) {
        this(repos, artifacts, browsers, agent, browserSessions, registry, webhooks, config, ids, clock, null);
    }

    /** With the login settings of tasks ({@code logins} null: none). */
    public TaskRunExecutor(TaskRepositories repos, ArtifactService artifacts, BrowserManager browsers,
                           Supplier<AgentLoop> agent, BrowserSessionService browserSessions, RunRegistry registry,
                           TaskWebhooks webhooks, SkyvernConfig config, IdGenerator ids, Clock clock,
                           LoginRuns logins) {
        this(repos, artifacts, browsers, agent, browserSessions, registry, webhooks, config, ids, clock, logins, null);
    }

    /** With login settings and replay scripts (either null: none). */
    public TaskRunExecutor(TaskRepositories repos, ArtifactService artifacts, BrowserManager browsers,
                           Supplier<AgentLoop> agent, BrowserSessionService browserSessions, RunRegistry registry,
                           TaskWebhooks webhooks, SkyvernConfig config, IdGenerator ids, Clock clock,
                           LoginRuns logins, ScriptService scripts) {
        this.logins = Optional.ofNullable(logins);
        this.scripts = Optional.ofNullable(scripts).map(s -> new TaskScripts(s, config.runs().defaultRunMode()));
        this.stepModes = Optional.ofNullable(scripts);
        this.repos = Objects.requireNonNull(repos, "repos");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.browsers = Objects.requireNonNull(browsers, "browsers");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.browserSessions = Objects.requireNonNull(browserSessions, "browserSessions");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.config = Objects.requireNonNull(config, "config");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
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
            finish(context, task, TaskStatus.FAILED, null, e.getMessage());
            return;
        }
        Optional<TaskScripts.Prepared> script;
        try {
            script = scripts.map(s -> s.prepare(task));
        } catch (SkyvernException e) {
            recorder.log("ERROR", e.getMessage());
            finish(context, task, TaskStatus.FAILED, null, e.getMessage());
            return;
        }
        ScriptRun scriptRun = script.map(TaskScripts.Prepared::run).orElseGet(ScriptRun::record);
        AgentResult result = runWithSession(context, task, loop, recorder, scriptRun);
        if (context.leaseLost()) {
            if (context.handedBack()) {
                LOG.info("Task {} went back to the queue at shutdown; the worker that claims it next goes on",
                        task.taskId());
            } else if (context.cancelRequested()) {
                // A cancel wrote the final status while the run went on: the run is still this worker's
                // to close (its open step ends canceled), it just must not write an end of its own.
                recorder.closeOpenSteps(StepStatus.CANCELED, cancelReason(task));
                LOG.info("Task {} was canceled", task.taskId());
            } else {
                LOG.warn("Task {} was taken over by another worker; not recording its end here", task.taskId());
            }
            return;
        }
        if (script.isPresent()) {
            scripts.get().finish(task, script.get(), result);
        }
        settle(context, task, result, recorder);
    }

    private AgentResult runWithSession(RunContext context, Task task, AgentLoop loop, TaskRunRecorder recorder,
                                       ScriptRun scriptRun) {
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
            return new AgentResult.Failed(e.getMessage(), io.skyvern.agent.AgentUsage.ZERO);
        }
        Instant deadline = (task.startedAt() == null ? clock.instant() : task.startedAt()).plus(config.taskTimeout());
        AgentResult result;
        try (RunRegistry.Entry entry = registry.register(task.taskId(), session)) {
            long untilDeadline = Math.max(0, java.time.Duration.between(clock.instant(), deadline).toMillis());
            Future<?> timer = watchdog.after(java.time.Duration.ofMillis(untilDeadline + 1), entry::timeUp);
            try {
                QueueRunControl control = new QueueRunControl(context, Optional.of(entry), Optional.of(deadline),
                        QueueRunControl.DEFAULT_CHECK_EVERY);
                result = loop.run(goal(task, secretsOf(task, control, deadline)), session, control, recorder,
                        config.dataDir().resolve("downloads").resolve(task.taskId()), scriptRun);
            } catch (SkyvernException e) {
                recorder.log("ERROR", e.getMessage());
                result = new AgentResult.Failed(e.getMessage(), io.skyvern.agent.AgentUsage.ZERO);
            } catch (RuntimeException e) {
                result = entry.stopRequested() || context.cancelRequested()
                        ? new AgentResult.Canceled("Canceled", io.skyvern.agent.AgentUsage.ZERO)
                        : new AgentResult.Failed("Internal error: " + e.getMessage(), io.skyvern.agent.AgentUsage.ZERO);
            } finally {
                timer.cancel(false);
            }
            if (result instanceof AgentResult.Canceled c && entry.wasTimeUp() && !context.cancelRequested()) {
                // The watchdog stopped it: that is the time limit, not a user's cancel.
                result = new AgentResult.TimedOut("The run exceeded its time limit", c.usage());
            }
            if (entry.forced()) {
                Thread.interrupted();  // the forced cancel's interrupt was for the loop, not for the pool
            }
        } finally {
            session.close();
            release(task);
        }
        trace.filter(Files::isRegularFile).ifPresent(file -> recordTrace(recorder, file));
        return result;
    }

    private String cancelReason(Task task) {
        return repos.tasks().find(task.organizationId(), task.taskId()).map(Task::failureReason)
                .filter(reason -> !reason.isBlank()).orElse("Canceled");
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

    private void settle(RunContext context, Task task, AgentResult result, TaskRunRecorder recorder) {
        if (result instanceof AgentResult.Completed r) {
            recorder.closeOpenSteps(StepStatus.FAILED, "Run ended");
            finish(context, task, TaskStatus.COMPLETED, r.extractedInformation(), null);
        } else if (result instanceof AgentResult.Terminated r) {
            recorder.closeOpenSteps(StepStatus.FAILED, "Run ended");
            finish(context, task, TaskStatus.TERMINATED, null,
                    r.errorCode() == null ? r.reason() : r.errorCode() + ": " + r.reason());
        } else if (result instanceof AgentResult.Failed r) {
            recorder.closeOpenSteps(StepStatus.FAILED, r.reason());
            finish(context, task, TaskStatus.FAILED, null, r.reason());
        } else if (result instanceof AgentResult.Canceled r) {
            recorder.closeOpenSteps(StepStatus.CANCELED, r.reason());
            finish(context, task, TaskStatus.CANCELED, null, r.reason());
        } else if (result instanceof AgentResult.TimedOut r) {
            recorder.closeOpenSteps(StepStatus.CANCELED, r.reason());
            recorder.log("WARN", r.reason() + " (" + config.taskTimeout().toSeconds() + " s)");
            finish(context, task, TaskStatus.TIMED_OUT, null, r.reason());
        }
    }

    /** Writes the final status if the run is still ours and running, then sends the webhook. */
    private void finish(RunContext context, Task task, TaskStatus status, com.fasterxml.jackson.databind.JsonNode
            extracted, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean written = repos.tasks().finishRun(task.taskId(), context.run().workerId(), status, extracted, reason,
                now);
        Optional<Task> after = repos.tasks().find(task.organizationId(), task.taskId());
        if (!written) {
            LOG.info("Task {} was already {} when its run ended", task.taskId(),
                    after.map(t -> t.status().wireName()).orElse("gone"));
        }
        after.filter(t -> t.status().isFinal()).ifPresent(webhooks::finished);
    }

    private static void recordTrace(TaskRunRecorder recorder, Path file) {
        try {
            recorder.taskArtifact(ArtifactType.TRACE, Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Trace {} could not be recorded: {}", file, e.getMessage());
        }
    }
}
