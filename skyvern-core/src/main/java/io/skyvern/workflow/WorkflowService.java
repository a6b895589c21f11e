package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.artifact.Artifact;
import io.skyvern.auth.OrgLimitsLookup;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.IdPrefix;
import io.skyvern.common.Page;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.OrgLimits;
import io.skyvern.common.RunPriority;
import io.skyvern.task.LoginSettings;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Workflows and their runs, in-process. Another organisation's workflow is WORKFLOW_NOT_FOUND.
 * Runs are only recorded here (stored as queued); executing them is the queue's job.
 * Thread-safe: state lives in the repositories, whose writes are atomic and conditional.
 */
public final class WorkflowService {
    /** A cancel racing with a worker re-reads the run at most this many times. */
    private static final int MAX_ATTEMPTS = 5;

    private final WorkflowRepository workflows;
    private final WorkflowRunRepository runs;
    private final OrgLimitsLookup limits;
    private final Clock clock;
    private final IdGenerator ids;
    private final WorkflowRunHooks hooks;
    private final WorkflowValidator validator = new WorkflowValidator();

    public WorkflowService(WorkflowRepository workflows, WorkflowRunRepository runs, OrgLimitsLookup limits,
                           Clock clock, IdGenerator ids) {
        this(workflows, runs, limits, clock, ids, WorkflowRunHooks.NONE);
    }

    /** With hooks into the run machinery (the composition root passes them). */
    public WorkflowService(WorkflowRepository workflows, WorkflowRunRepository runs, OrgLimitsLookup limits,
                           Clock clock, IdGenerator ids, WorkflowRunHooks hooks) {
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.workflows = Objects.requireNonNull(workflows, "workflows");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** Validates (WORKFLOW_VALIDATION_FAILED with every error) and stores version 1. */
    public SavedWorkflow create(String organizationId, WorkflowRequest request) {
        Objects.requireNonNull(organizationId, "organizationId");
        ValidationResult result = validate(organizationId, request);
        Instant now = now();
        Workflow workflow = new Workflow(ids.next(IdPrefix.WORKFLOW), 1, organizationId, request.title(),
                request.description(), request.workflowDefinition(), schemaOf(request),
                request.isActive() == null || request.isActive(), now, now);
        workflows.insertFirst(workflow);
        return new SavedWorkflow(workflow, result);
    }

    /** Stores a new version; runs already started keep the version they ran. */
    public SavedWorkflow update(String organizationId, String workflowId, WorkflowRequest request) {
        ValidationResult result = validate(organizationId, request);
        Objects.requireNonNull(workflowId, "workflowId");
        Instant now = now();
        Workflow next = workflows.appendVersion(organizationId, workflowId, current -> new Workflow(workflowId,
                        current.version() + 1, organizationId, request.title(), request.description(),
                        request.workflowDefinition(), schemaOf(request),
                        request.isActive() == null ? current.active() : request.isActive(), current.createdAt(), now))
                .orElseThrow(() -> SkyvernException.notFound(ErrorCode.WORKFLOW_NOT_FOUND, "Workflow", workflowId));
        return new SavedWorkflow(next, result);
    }

    public Optional<Workflow> find(String organizationId, String workflowId) {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(workflowId, "workflowId");
        return workflows.findLatest(organizationId, workflowId);
    }

    /** The latest version, or WORKFLOW_NOT_FOUND (also for deleted ones). */
    public Workflow get(String organizationId, String workflowId) {
        return find(organizationId, workflowId)
                .orElseThrow(() -> SkyvernException.notFound(ErrorCode.WORKFLOW_NOT_FOUND, "Workflow", workflowId));
    }

    /**
     * One stored version of a workflow that is not deleted, or WORKFLOW_NOT_FOUND (the message
     * says which version is missing).
     */
    public Workflow getVersion(String organizationId, String workflowId, int version) {
        Workflow latest = get(organizationId, workflowId);
        if (version == latest.version()) {
            return latest;
        }
        return workflows.findVersion(organizationId, workflowId, version)
                .orElseThrow(() -> new SkyvernException(ErrorCode.WORKFLOW_NOT_FOUND, "Workflow " + workflowId
                        + " has no version " + version + " (the latest is " + latest.version() + ")"));
    }

    public Page<Workflow> list(String organizationId, WorkflowQuery query) {
        Objects.requireNonNull(organizationId, "organizationId");
        return workflows.listLatest(organizationId, Objects.requireNonNull(query, "query"));
    }

    /** Soft delete: gone from get and list, its runs stay readable. */
    public void delete(String organizationId, String workflowId) {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(workflowId, "workflowId");
        if (!workflows.softDelete(organizationId, workflowId, now())) {
            throw SkyvernException.notFound(ErrorCode.WORKFLOW_NOT_FOUND, "Workflow", workflowId);
        }
    }

    /** Checks the workflow is active, the parameters and the limits; stores the run as queued. */
    public WorkflowRun startRun(String organizationId, String workflowId, StartRunRequest request) {
        Objects.requireNonNull(request, "request");
        Workflow workflow = get(organizationId, workflowId);
        if (!workflow.active()) {
            throw new SkyvernException(ErrorCode.WORKFLOW_INACTIVE, "Workflow " + workflowId + " is not active");
        }
        RunRequestChecks.checkOptions(request);
        JsonNode parameters = RunRequestChecks.checkedParameters(workflow, request.parameters());
        hooks.beforeStart(organizationId, request);
        int maxActive = limits.limitsOf(organizationId).maxConcurrentWorkflowRuns();
        Instant now = now();
        WorkflowRun run = new WorkflowRun(ids.next(IdPrefix.WORKFLOW_RUN), workflowId, workflow.version(),
                organizationId, WorkflowRunStatus.QUEUED,
                request.priority() == null ? RunPriority.NORMAL : request.priority(), parameters, null, null,
                request.webhookCallbackUrl(), request.maxExecutionTimeMinutes(), request.browserSessionId(),
                now, now, null, null);
        hooks.beforeInsert(run, request);
        if (!runs.insertIfBelowLimit(run, maxActive)) {
            hooks.notInserted(run);
            throw new SkyvernException(ErrorCode.EXECUTION_LIMIT_EXCEEDED,
                    "Maximum concurrent workflow runs reached (max: " + maxActive + ")", List.of(),
                    Map.of("max_concurrent_workflow_runs", maxActive), null);
        }
        hooks.started(run);
        return run.withLogin(request.login());
    }

    /** The runs with their login settings, stored beside them, attached (one read for the lot). */
    private List<WorkflowRun> withLogins(String organizationId, List<WorkflowRun> found) {
        if (found.isEmpty()) {
            return found;
        }
        Map<String, LoginSettings> logins = hooks.loginSettings(organizationId,
                found.stream().map(WorkflowRun::workflowRunId).toList());
        return found.stream().map(r -> r.withLogin(logins.getOrDefault(r.workflowRunId(), LoginSettings.NONE)))
                .toList();
    }

    public WorkflowRunDetails getRun(String organizationId, String workflowId, String runId,
                                     boolean includeBlocks, boolean includeLogs) {
        WorkflowRun run = requireRun(organizationId, workflowId, runId);
        return new WorkflowRunDetails(run, includeBlocks ? hooks.blocksWithScripts(runs.blocksOf(runId)) : List.of(),
                includeLogs ? runs.logsOf(runId) : List.of());
    }

    /** Artifacts of a run (its blocks' screenshots and other records), oldest first; WORKFLOW_RUN_NOT_FOUND otherwise. */
    public List<Artifact> runArtifacts(String organizationId, String workflowId, String runId) {
        return runs.artifactsOf(organizationId, requireRun(organizationId, workflowId, runId).workflowRunId());
    }

    /** Runs of a workflow, newest first; runs of a deleted workflow stay listed. */
    public Page<WorkflowRun> listRuns(String organizationId, String workflowId, RunQuery query) {
        requireKnownWorkflow(organizationId, workflowId);
        Page<WorkflowRun> page = runs.list(organizationId, workflowId, Objects.requireNonNull(query, "query"));
        return new Page<>(withLogins(organizationId, page.items()), page.page(), page.pageSize(), page.totalCount());
    }

    /**
     * Cancels a run as a task is canceled: the status is final at once (reason "Canceled" or
     * "Canceled: why"); a running run is asked to stop (its worker keeps its blocks' output and
     * sends the webhook), a queued one gets its webhook here. A finished one is
     * WORKFLOW_RUN_ALREADY_FINISHED (409).
     */
    public WorkflowRun cancelRun(String organizationId, String workflowId, String runId, String reason) {
        String why = io.skyvern.task.CancelRequest.of(reason).failureReason();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            WorkflowRun run = requireRun(organizationId, workflowId, runId);
            if (!run.status().canTransitionTo(WorkflowRunStatus.CANCELED)) {
                throw new SkyvernException(ErrorCode.WORKFLOW_RUN_ALREADY_FINISHED,
                        "Workflow run " + runId + " is already " + run.status().wireName());
            }
            // Conditional on the status just read: if a worker moved the run meanwhile, read again.
            if (runs.transition(runId, run.status(), WorkflowRunStatus.CANCELED, why, now())) {
                if (run.status() == WorkflowRunStatus.RUNNING) {
                    hooks.stopRunning(runId, false);
                    return requireRun(organizationId, workflowId, runId);
                }
                WorkflowRun canceled = requireRun(organizationId, workflowId, runId);
                hooks.finishedWithoutRun(canceled);
                return canceled;
            }
        }
        throw new SkyvernException(ErrorCode.SERVICE_UNAVAILABLE,
                "Workflow run " + runId + " is changing concurrently; try again");
    }

    public WorkflowAnalytics analytics(String organizationId, String workflowId) {
        requireKnownWorkflow(organizationId, workflowId);
        return new WorkflowAnalytics(workflowId,
                AnalyticsCalculator.runMetrics(runs.countByStatus(organizationId, workflowId),
                        runs.finishedDurations(organizationId, workflowId)),
                AnalyticsCalculator.blockMetrics(runs.blockStats(organizationId, workflowId)), now());
    }

    private ValidationResult validate(String organizationId, WorkflowRequest request) {
        Objects.requireNonNull(request, "request");
        OrgLimits orgLimits = limits.limitsOf(Objects.requireNonNull(organizationId, "organizationId"));
        List<String> misfits = DefinitionShape.misfits(request.workflowDefinition());
        if (!misfits.isEmpty()) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR, "The workflow definition does not fit its schema",
                    misfits);
        }
        ValidationResult result = validator.validate(request, orgLimits);
        if (!result.isValid()) {
            throw new SkyvernException(ErrorCode.WORKFLOW_VALIDATION_FAILED,
                    "Workflow validation failed: " + result.errors().size() + " error(s)", result.errors(),
                    Map.of("errors", result.errors(), "warnings", result.warnings(),
                            "block_count", result.blockCount(), "parameter_count", result.parameterCount()), null);
        }
        return result;
    }

    private WorkflowRun requireRun(String organizationId, String workflowId, String runId) {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(runId, "runId");
        WorkflowRun run = runs.find(organizationId, workflowId, runId)
                .orElseThrow(() -> SkyvernException.notFound(ErrorCode.WORKFLOW_RUN_NOT_FOUND, "Workflow run", runId));
        return withLogins(organizationId, List.of(run)).get(0);
    }

    private void requireKnownWorkflow(String organizationId, String workflowId) {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(workflowId, "workflowId");
        if (!workflows.existsIncludingDeleted(organizationId, workflowId)) {
            throw SkyvernException.notFound(ErrorCode.WORKFLOW_NOT_FOUND, "Workflow", workflowId);
        }
    }

    private static JsonNode schemaOf(WorkflowRequest request) {
        JsonNode schema = request.parameterSchema();
        return schema == null || schema.isNull() ? null : schema;
    }

    /** Database timestamps keep microseconds; truncating keeps stored and returned values equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
