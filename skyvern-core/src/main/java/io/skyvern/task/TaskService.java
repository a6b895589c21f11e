package io.skyvern.task;

import io.skyvern.artifact.Artifact;
import io.skyvern.auth.OrgLimitsLookup;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.IdPrefix;
import io.skyvern.common.Page;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.common.RunPriority;
import io.skyvern.runlog.RunLog;
import io.skyvern.webhook.DeliveryResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything a user does with tasks, in-process. Every method takes the caller's organisation id:
 * another organisation's task is {@code TASK_NOT_FOUND}. Bad input is a {@code SkyvernException}
 * with the specification's error code and every message, and nothing is written.
 *
 * <p>Status changes are conditional updates ({@code WHERE status = expected}) allowed by
 * {@link TaskStatus#canTransitionTo}; when another writer changed the task in between, the
 * operation re-reads it and decides again. Thread-safe.
 */
public final class TaskService {
    /** Re-reads after a concurrent status change before giving up; races are rare and short. */
    private static final int MAX_ATTEMPTS = 5;
    private static final Set<TaskStatus> PENDING = Set.of(TaskStatus.CREATED, TaskStatus.QUEUED);

    private final TaskRepositories repos;
    private final OrgLimitsLookup limits;
    private final TaskValidator validator;
    private final Clock clock;
    private final IdGenerator ids;
    private final TaskHooks hooks;
    private final PendingTaskGate pendingGate;

    public TaskService(TaskRepositories repos, OrgLimitsLookup limits, SkyvernConfig config, Clock clock,
                       IdGenerator ids) {
        this(repos, limits, config, clock, ids, TaskHooks.NONE);
    }

    /** With hooks into the run machinery (the composition root passes them). */
    public TaskService(TaskRepositories repos, OrgLimitsLookup limits, SkyvernConfig config, Clock clock,
                       IdGenerator ids, TaskHooks hooks) {
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.repos = Objects.requireNonNull(repos, "repos");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.validator = new TaskValidator(config.defaultMaxSteps(), config.maxStepsCap());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.pendingGate = new PendingTaskGate(clock, Duration.ofSeconds(1));
    }

    /** Validates, stores the task as {@code queued} (it waits for a worker) and returns it. */
    public Task create(String organizationId, CreateTaskRequest request) {
        Objects.requireNonNull(organizationId, "organizationId");
        validator.validate(request);
        hooks.beforeCreate(organizationId, request);
        int cap = limits.limitsOf(organizationId).maxQueuedTasks();
        Instant now = now();
        int maxSteps = request.maxSteps() == null ? validator.defaultMaxSteps() : request.maxSteps();
        RunPriority priority = request.priority() == null ? RunPriority.NORMAL : request.priority();
        Task task = new Task(ids.next(IdPrefix.TASK), organizationId, TaskStatus.QUEUED, priority, request.url(),
                request.title(), request.navigationGoal(), request.dataExtractionGoal(),
                nullIfJsonNull(request.navigationPayload()), nullIfJsonNull(request.extractedInformationSchema()),
                request.errorCodeMapping(), request.webhookCallbackUrl(), maxSteps, request.browserSessionId(),
                null, null, null, now, now, null, null);
        hooks.beforeInsert(task, request);
        if (pendingGate.farBelowCap(organizationId, cap, () -> repos.tasks().countByStatuses(organizationId, PENDING))) {
            repos.tasks().insert(task);
            pendingGate.admitted(organizationId);
        } else if (!repos.tasks().insertWithinCap(task, cap)) {
            pendingGate.forget(organizationId);
            hooks.notInserted(task);
            throw new SkyvernException(ErrorCode.LIMIT_EXCEEDED, "Too many pending tasks: the organization may have "
                    + cap + " created or queued tasks", List.of(), Map.of("limit", cap, "retry_after", 60), null);
        }
        hooks.created(task);
        return withScript(task).withLogin(request.login());
    }

    /** The tasks with their login settings, stored beside them, attached (one read for the lot). */
    private List<Task> withLogins(String organizationId, List<Task> found) {
        if (found.isEmpty()) {
            return found;
        }
        Map<String, LoginSettings> logins = hooks.loginSettings(organizationId, found.stream().map(Task::taskId).toList());
        return found.stream().map(t -> t.withLogin(logins.getOrDefault(t.taskId(), LoginSettings.NONE))).toList();
    }

    public Optional<Task> find(String organizationId, String taskId) {
        if (organizationId == null || taskId == null) {
            return Optional.empty();
        }
        return repos.tasks().find(organizationId, taskId).map(this::withScript)
                .map(t -> withLogins(organizationId, List.of(t)).get(0));
    }

    private Task withScript(Task task) {
        return hooks.withScripts(List.of(task)).get(0);
    }

    /** The task or {@code TASK_NOT_FOUND}. */
    public Task get(String organizationId, String taskId) {
        return find(organizationId, taskId)
                .orElseThrow(() -> SkyvernException.notFound(ErrorCode.TASK_NOT_FOUND, "Task", taskId));
    }

    public TaskDetails getDetails(String organizationId, String taskId, TaskIncludes includes) {
        Task task = get(organizationId, taskId);
        List<StepDetails> steps = includes.steps()
                ? stepDetails(task, new StepQuery(true, false, Set.of())) : List.of();
        List<Artifact> artifacts = includes.artifacts() ? repos.artifacts().listByTask(organizationId, taskId) : List.of();
        List<RunLog> logs = includes.logs() ? repos.logs().listByTask(taskId) : List.of();
        return new TaskDetails(task, steps, artifacts, logs);
    }

    public Page<Task> list(String organizationId, TaskQuery query) {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(query, "query");
        List<Task> items = hooks.withScripts(repos.tasks().list(organizationId, query));
        long total = countFor(organizationId, query, items.size());
        return Page.of(withLogins(organizationId, items), query.page(), total);
    }

    /** Skips the COUNT when the page itself proves the total (a short first page is everything). */
    private long countFor(String organizationId, TaskQuery query, int pageItems) {
        if (query.page().page() == 1 && pageItems < query.page().pageSize()) {
            return pageItems;
        }
        return repos.tasks().count(organizationId, query);
    }

    /** Edits a task that no worker has picked up yet; otherwise {@code TASK_NOT_EDITABLE} (409). */
    public Task update(String organizationId, String taskId, UpdateTaskRequest request) {
        Objects.requireNonNull(request, "request");
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Task current = get(organizationId, taskId);
            if (!current.status().isEditable()) {
                throw new SkyvernException(ErrorCode.TASK_NOT_EDITABLE, "Task is " + current.status().wireName()
                        + " and can no longer be edited");
            }
            Task merged = TaskMerge.merge(current, request, validator, now());
            if (repos.tasks().updateRequest(merged, current.status())) {
                return withScript(merged);
            }
        }
        throw concurrentChange(taskId);
    }

    /** Cancels; a finished task is {@code TASK_ALREADY_FINISHED} (409). */
    public CancelResult cancel(String organizationId, String taskId, CancelRequest request) {
        Objects.requireNonNull(request, "request");
        long started = System.nanoTime();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Task current = get(organizationId, taskId);
            TaskStatus from = current.status();
            if (!from.canTransitionTo(TaskStatus.CANCELED)) {
                throw new SkyvernException(ErrorCode.TASK_ALREADY_FINISHED, "Task is already " + from.wireName());
            }
            // A running task is also flagged: its worker polls cancel_requested at safe points
            // (at once when forced) and closes the browser; the status is final already.
            boolean flagWorker = from == TaskStatus.RUNNING;
            Instant now = now();
            String reason = request.failureReason();
            if (repos.tasks().transition(organizationId, taskId, from, TaskStatus.CANCELED, reason, flagWorker,
                    now, now)) {
                if (flagWorker) {
                    // The status is final already; the run stops at its next safe point (or now).
                    hooks.stopRunning(taskId, request.force());
                }
                Task canceled = get(organizationId, taskId);
                if (!flagWorker) {
                    hooks.finishedWithoutRun(canceled);
                }
                long elapsedMs = (System.nanoTime() - started) / 1_000_000;
                return new CancelResult(canceled, elapsedMs);
            }
        }
        throw concurrentChange(taskId);
    }

    public List<StepDetails> steps(String organizationId, String taskId, StepQuery query) {
        Objects.requireNonNull(query, "query");
        return stepDetails(get(organizationId, taskId), query);
    }

    private List<StepDetails> stepDetails(Task task, StepQuery query) {
        List<Step> steps = hooks.withModes(task.taskId(), repos.steps().listByTask(task.taskId(), query.statuses()));
        Map<String, List<ActionRecord>> actions = query.includeActions()
                ? groupBy(repos.actions().listByTask(task.taskId()), ActionRecord::stepId) : Map.of();
        Map<String, List<Artifact>> shots = query.includeScreenshots()
                ? groupBy(repos.artifacts().listByTask(task.organizationId(), task.taskId()).stream()
                        .filter(a -> a.stepId() != null && a.artifactType().isScreenshot()).toList(), Artifact::stepId)
                : Map.of();
        return steps.stream().map(s -> new StepDetails(s, actions.getOrDefault(s.stepId(), List.of()),
                shots.getOrDefault(s.stepId(), List.of()))).toList();
    }

    private static <T> Map<String, List<T>> groupBy(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key));
    }

    public List<Artifact> artifacts(String organizationId, String taskId) {
        return repos.artifacts().listByTask(organizationId, get(organizationId, taskId).taskId());
    }

    public List<RunLog> logs(String organizationId, String taskId) {
        return repos.logs().listByTask(get(organizationId, taskId).taskId());
    }

    /**
     * Sends the webhook of a finished task again, now, and returns the outcome. TASK_NOT_FINISHED
     * while it runs, WEBHOOK_NOT_CONFIGURED when it has no URL, TASK_NOT_FOUND for another
     * organisation's task.
     */
    public DeliveryResult retryWebhook(String organizationId, String taskId) {
        Task task = get(organizationId, taskId);
        if (!task.status().isFinal()) {
            throw new SkyvernException(ErrorCode.TASK_NOT_FINISHED, "Task is " + task.status().wireName()
                    + "; its webhook is sent when it finishes");
        }
        if (task.webhookCallbackUrl() == null || task.webhookCallbackUrl().isBlank()) {
            throw new SkyvernException(ErrorCode.WEBHOOK_NOT_CONFIGURED, "Task has no webhook_callback_url");
        }
        return hooks.resendWebhook(task);
    }

    public TaskAnalytics analytics(String organizationId, String taskId) {
        Task task = get(organizationId, taskId);
        TaskAnalytics computed = TaskAnalyticsCalculator.compute(task, repos.steps().listByTask(taskId, Set.of()),
                repos.actions().listByTask(taskId), repos.artifacts().listByTask(organizationId, taskId), now());
        Map<String, Object> replay = hooks.replayMetrics(taskId);
        if (replay.isEmpty()) {
            return computed;
        }
        Map<String, Object> steps = new java.util.LinkedHashMap<>(computed.stepMetrics());
        steps.putAll(replay);
        return new TaskAnalytics(computed.taskId(), computed.taskMetrics(), steps, computed.actionMetrics(),
                computed.resourceMetrics(), computed.errorAnalysis(), computed.generatedAt());
    }

    /** Microseconds: both backends store them, so what we return equals what a re-read gives. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static SkyvernException concurrentChange(String taskId) {
        return new SkyvernException(ErrorCode.SERVICE_UNAVAILABLE,
                "Task " + taskId + " kept changing concurrently; try again");
    }

    private static com.fasterxml.jackson.databind.JsonNode nullIfJsonNull(
            com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
