package io.skyvern.execution;

import io.skyvern.artifact.ArtifactService;
import io.skyvern.browsersession.BrowserSessionService;
import io.skyvern.browser.SessionOptions;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.IdPrefix;
import io.skyvern.common.SkyvernException;
import io.skyvern.queue.RunContext;
import io.skyvern.queue.RunExecutor;
import io.skyvern.queue.RunKind;
import io.skyvern.queue.RunRef;
import io.skyvern.runlog.RunLog;
import io.skyvern.runlog.RunLogRepository;
import io.skyvern.workflow.Workflow;
import io.skyvern.workflow.WorkflowRepository;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunRepository;
import io.skyvern.workflow.WorkflowRunStatus;
import io.skyvern.workflow.engine.WorkflowEngine;
import io.skyvern.workflow.engine.WorkflowRunContext;
import io.skyvern.workflow.engine.WorkflowRunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Executes a claimed workflow run: loads the run and the exact workflow version it recorded,
 * runs the engine (one browser session for all blocks, the persistent one of the browser session
 * the run names if any; block runs and their artifacts persisted
 * by a {@link WorkflowBlockRecorder}), then stores the output and the final status through the
 * {@link WorkflowRunStatus} table and sends the signed webhook, through the same
 * {@link RunLifecycle} and {@link RunFinisher} as tasks: a cancel (on this node at once, or read
 * from the queue), the deadline (the claim time plus the run's {@code max_execution_time_minutes})
 * and a lost lease reach the engine through its {@link QueueRunControl}. When the lease was lost
 * to another worker nothing is written.
 * Thread-safe: each run executes on the calling worker thread.
 */
public final class WorkflowRunExecutor implements RunExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowRunExecutor.class);

    private final WorkflowRepository workflows;
    private final WorkflowRunRepository runs;
    private final Supplier<WorkflowEngine> engine;
    private final ArtifactService artifacts;
    private final RunLogRepository logs;
    private final RunWebhooks webhooks;
    private final RunLifecycle lifecycle;
    private final BrowserSessionService browserSessions;
    private final Duration sessionWait;
    private final Path downloadRoot;
    private final Clock clock;
    private final IdGenerator ids;

    /**
     * @param engine       built by the caller over the browser manager, agent loop and LLM client
     * @param sessionWait  how long a run naming a browser session waits while another run holds it
     * @param downloadRoot files downloaded by a run go to {@code downloadRoot/<run id>} (removed
     *                     afterwards: the agent records each download as an artifact)
     */
    public WorkflowRunExecutor(WorkflowRepository workflows, WorkflowRunRepository runs, WorkflowEngine engine,
                               ArtifactService artifacts, RunLogRepository logs, RunWebhooks webhooks,
                               RunRegistry registry, BrowserSessionService browserSessions, Duration sessionWait,
                               Path downloadRoot, Clock clock, IdGenerator ids) {
        this(workflows, runs, constant(Objects.requireNonNull(engine, "engine")), artifacts, logs, webhooks,
                registry, browserSessions, sessionWait, downloadRoot, clock, ids);
    }

    /**
     * As above with the engine asked for at each run, so that the browser and the LLM client
     * behind it can be created lazily (the supplier should memoise; it is called on worker threads).
     */
    public WorkflowRunExecutor(WorkflowRepository workflows, WorkflowRunRepository runs,
                               Supplier<WorkflowEngine> engine, ArtifactService artifacts, RunLogRepository logs,
                               RunWebhooks webhooks, RunRegistry registry, BrowserSessionService browserSessions,
                               Duration sessionWait, Path downloadRoot, Clock clock, IdGenerator ids) {
        this.workflows = Objects.requireNonNull(workflows, "workflows");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.logs = Objects.requireNonNull(logs, "logs");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.browserSessions = Objects.requireNonNull(browserSessions, "browserSessions");
        this.sessionWait = Objects.requireNonNull(sessionWait, "sessionWait");
        this.downloadRoot = Objects.requireNonNull(downloadRoot, "downloadRoot");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.lifecycle = new RunLifecycle(registry, clock);
    }

    @Override
    public void execute(RunContext context) {
        RunRef ref = context.run().ref();
        if (ref.kind() != RunKind.WORKFLOW_RUN) {
            throw new IllegalArgumentException("Not a workflow run: " + ref);
        }
        Optional<WorkflowRun> found = runs.findById(ref.organizationId(), ref.id());
        if (found.isEmpty()) {
            LOG.warn("Workflow run {} vanished before it could execute", ref.id());
            return;
        }
        WorkflowRun run = found.get();
        logs.insert(new RunLog(ids.next(IdPrefix.LOG), run.organizationId(), null, run.workflowRunId(), "INFO",
                ClaimNote.of(context.run()), null, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        Optional<Workflow> workflow = workflows.findVersion(run.organizationId(), run.workflowId(), run.workflowVersion());
        RunOutcome result = workflow.isEmpty()
                ? new RunOutcome(RunOutcome.Kind.FAILED, null, "Workflow " + run.workflowId() + " version "
                        + run.workflowVersion() + " no longer exists")
                : runEngine(run, workflow.get(), context);
        RunFinisher.finish(context, new WorkflowRunEnding(run, runs, webhooks), result, clock);
    }

    private RunOutcome runEngine(WorkflowRun run, Workflow workflow, RunContext context) {
        try (RunLifecycle.ActiveRun active = lifecycle.begin(context, run.workflowRunId(), deadlineOf(run), null)) {
            WorkflowRunResult result = runEngine(run, workflow, context, active.control());
            return active.timedOut() && !(result instanceof WorkflowRunResult.Completed)
                    ? RunOutcome.timedOut(run.maxExecutionTimeMinutes() + " minute(s)", result.output())
                    : outcomeOf(result, run);
        }
    }

    private WorkflowRunResult runEngine(WorkflowRun run, Workflow workflow, RunContext context,
                                        QueueRunControl control) {
        WorkflowBlockRecorder recorder = new WorkflowBlockRecorder(runs, artifacts, logs, run.organizationId(),
                run.workflowRunId(), clock, ids);
        Path downloads = downloadRoot.resolve(run.workflowRunId());
        boolean holdsSession = false;
        try {
            SessionOptions session = SessionOptions.fresh();
            if (run.browserSessionId() != null) {
                session = SessionOptions.persistent(browserSessions.acquire(run.organizationId(),
                        run.browserSessionId(), run.workflowRunId(), sessionWait,
                        () -> context.cancelRequested() || context.leaseLost()));
                holdsSession = true;
            }
            Files.createDirectories(downloads);
            return engine.get().execute(new WorkflowRunContext(run.workflowRunId(), run.workflowId(), run.organizationId(),
                    workflow.definition(), run.parameters(), control, recorder, downloads, session));
        } catch (SkyvernException e) {
            return new WorkflowRunResult.Failed(e.getMessage(), null);
        } catch (IOException | RuntimeException e) {
            LOG.error("Workflow run {} could not execute", run.workflowRunId(), e);
            return new WorkflowRunResult.Failed("Internal error while executing the run ("
                    + e.getClass().getSimpleName() + ")", null);
        } finally {
            if (holdsSession) {
                browserSessions.release(run.browserSessionId(), run.workflowRunId());
            }
            deleteQuietly(downloads);
        }
    }

    private static Supplier<WorkflowEngine> constant(WorkflowEngine engine) {
        return () -> engine;
    }

    /** The claim time (started_at) plus the run's time limit, when it has one. */
    private Optional<Instant> deadlineOf(WorkflowRun run) {
        if (run.maxExecutionTimeMinutes() == null) {
            return Optional.empty();
        }
        Instant start = run.startedAt() != null ? run.startedAt() : clock.instant();
        return Optional.of(start.plus(Duration.ofMinutes(run.maxExecutionTimeMinutes())));
    }

    private static RunOutcome outcomeOf(WorkflowRunResult result, WorkflowRun run) {
        if (result instanceof WorkflowRunResult.Completed) {
            return new RunOutcome(RunOutcome.Kind.COMPLETED, result.output(), null);
        } else if (result instanceof WorkflowRunResult.Canceled) {
            return new RunOutcome(RunOutcome.Kind.CANCELED, result.output(), "Canceled");
        } else if (result instanceof WorkflowRunResult.TimedOut) {
            return RunOutcome.timedOut(run.maxExecutionTimeMinutes() + " minute(s)", result.output());
        }
        return new RunOutcome(RunOutcome.Kind.FAILED, result.output(),
                result instanceof WorkflowRunResult.Failed failed ? failed.reason() : null);
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not remove {}: {}", dir, e.toString());
        }
    }
}
