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
import io.skyvern.webhook.WebhookRequest;
import io.skyvern.webhook.WebhookSender;
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
 * {@link WorkflowRunStatus} table and sends the signed webhook. A cancel (or a lost lease) reaches
 * the engine through {@link QueueRunControl}; the deadline is the claim time plus the run's
 * {@code max_execution_time_minutes}. When the lease was lost to another worker nothing is written.
 * Thread-safe: each run executes on the calling worker thread.
 */
public final class WorkflowRunExecutor implements RunExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowRunExecutor.class);

    private final WorkflowRepository workflows;
    private final WorkflowRunRepository runs;
    private final Supplier<WorkflowEngine> engine;
    private final ArtifactService artifacts;
    private final RunLogRepository logs;
    private final WebhookSender webhooks;
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
                               ArtifactService artifacts, RunLogRepository logs, WebhookSender webhooks,
                               BrowserSessionService browserSessions, Duration sessionWait, Path downloadRoot,
                               Clock clock, IdGenerator ids) {
        this(workflows, runs, constant(Objects.requireNonNull(engine, "engine")), artifacts, logs, webhooks,
                browserSessions, sessionWait, downloadRoot, clock, ids);
    }

    /**
     * As above with the engine asked for at each run, so that the browser and the LLM client
     * behind it can be created lazily (the supplier should memoise; it is called on worker threads).
     */
    public WorkflowRunExecutor(WorkflowRepository workflows, WorkflowRunRepository runs,
                               Supplier<WorkflowEngine> engine, ArtifactService artifacts, RunLogRepository logs,
                               WebhookSender webhooks, BrowserSessionService browserSessions, Duration sessionWait,
                               Path downloadRoot, Clock clock, IdGenerator ids) {
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
        WorkflowRunResult result = workflow.isEmpty()
                ? new WorkflowRunResult.Failed("Workflow " + run.workflowId() + " version " + run.workflowVersion()
                        + " no longer exists", null)
                : runEngine(run, workflow.get(), context);
        end(context, run, result);
    }

    private WorkflowRunResult runEngine(WorkflowRun run, Workflow workflow, RunContext context) {
        QueueRunControl control = new QueueRunControl(context, deadlineOf(run), QueueRunControl.DEFAULT_CHECK_EVERY);
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

    /** Stores the final status and output (unless the run is no longer ours) and sends the webhook. */
    private void end(RunContext context, WorkflowRun run, WorkflowRunResult result) {
        boolean canceled = context.cancelRequested();
        if (context.leaseLost() && !canceled) {
            if (context.handedBack()) {
                LOG.info("Workflow run {} went back to the queue at shutdown; the worker that claims it next "
                        + "goes on", run.workflowRunId());
            } else {
                LOG.warn("Workflow run {} was recovered by another worker; leaving it alone", run.workflowRunId());
            }
            return;
        }
        WorkflowRunStatus next = statusOf(result);
        String reason = reasonOf(result, run);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean ended = WorkflowRunStatus.RUNNING.canTransitionTo(next)
                && runs.finish(run.workflowRunId(), WorkflowRunStatus.RUNNING, next, result.output(), reason, now);
        WorkflowRun after = runs.findById(run.organizationId(), run.workflowRunId()).orElse(run);
        if (!ended) {
            if (after.status() != WorkflowRunStatus.CANCELED) {
                LOG.warn("Workflow run {} is {} and no longer ours; not ending it", run.workflowRunId(),
                        after.status().wireName());
                return;
            }
            // Canceled by a user while it ran: keep what the blocks produced up to the stop.
            runs.storeOutput(run.workflowRunId(), result.output(), now);
            after = runs.findById(run.organizationId(), run.workflowRunId()).orElse(after);
        }
        LOG.info("Workflow run {} ended {}", run.workflowRunId(), after.status().wireName());
        sendWebhook(after);
    }

    private static WorkflowRunStatus statusOf(WorkflowRunResult result) {
        if (result instanceof WorkflowRunResult.Completed) {
            return WorkflowRunStatus.COMPLETED;
        } else if (result instanceof WorkflowRunResult.Canceled) {
            return WorkflowRunStatus.CANCELED;
        } else if (result instanceof WorkflowRunResult.TimedOut) {
            return WorkflowRunStatus.TIMED_OUT;
        }
        return WorkflowRunStatus.FAILED;
    }

    private static String reasonOf(WorkflowRunResult result, WorkflowRun run) {
        if (result instanceof WorkflowRunResult.Failed failed) {
            return failed.reason();
        } else if (result instanceof WorkflowRunResult.TimedOut) {
            return "The run exceeded its time limit of " + run.maxExecutionTimeMinutes() + " minute(s)";
        } else if (result instanceof WorkflowRunResult.Canceled) {
            return "Canceled";
        }
        return null;
    }

    private void sendWebhook(WorkflowRun run) {
        if (run.webhookCallbackUrl() == null || run.webhookCallbackUrl().isBlank()) {
            return;
        }
        try {
            webhooks.sendAsync(WebhookRequest.forWorkflowRun(run.organizationId(), run.workflowRunId(),
                    run.webhookCallbackUrl(), WorkflowRunPayload.bytes(run)));
        } catch (RuntimeException e) {
            LOG.warn("Could not send the webhook of workflow run {}: {}", run.workflowRunId(), e.toString());
        }
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
