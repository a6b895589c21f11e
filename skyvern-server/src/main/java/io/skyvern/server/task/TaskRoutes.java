package io.skyvern.server.task;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.skyvern.common.Page;
import io.skyvern.common.SortOrder;
import io.skyvern.server.common.ArtifactResponse;
import io.skyvern.server.common.LogResponse;
import io.skyvern.server.http.ApiResponses;
import io.skyvern.server.http.Bodies;
import io.skyvern.server.http.CancelReasons;
import io.skyvern.server.http.IdempotentCreate;
import io.skyvern.server.http.Pagination;
import io.skyvern.server.http.QueryParams;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.RouteGroup;
import io.skyvern.task.CancelRequest;
import io.skyvern.task.CancelResult;
import io.skyvern.task.StepDetails;
import io.skyvern.task.StepQuery;
import io.skyvern.task.StepStatus;
import io.skyvern.task.Task;
import io.skyvern.task.TaskIncludes;
import io.skyvern.task.TaskQuery;
import io.skyvern.task.TaskService;
import io.skyvern.task.TaskSortField;
import io.skyvern.task.TaskStatus;
import io.skyvern.webhook.DeliveryResult;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** /api/v1/tasks: parse, call {@link TaskService}, map to DTOs. */
public final class TaskRoutes implements RouteGroup {
    static final String BASE = "/api/v1/tasks";
    private final TaskService tasks;
    private final Bodies bodies;
    private final IdempotentCreate idempotent;

    public TaskRoutes(TaskService tasks, Bodies bodies, IdempotentCreate idempotent) {
        this.tasks = tasks;
        this.bodies = bodies;
        this.idempotent = idempotent;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{task_id}", this::get);
        routes.patch(BASE + "/{task_id}", this::update);
        routes.post(BASE + "/{task_id}/cancel", this::cancel);
        routes.get(BASE + "/{task_id}/steps", this::steps);
        routes.get(BASE + "/{task_id}/artifacts", this::artifacts);
        routes.get(BASE + "/{task_id}/logs", this::logs);
        routes.get(BASE + "/{task_id}/analytics", this::analytics);
        routes.post(BASE + "/{task_id}/retry_webhook", this::retryWebhook);
    }

    private void create(Context ctx) {
        idempotent.handle(ctx, () -> {
            CreateTaskBody body = bodies.read(ctx, CreateTaskBody.class);
            Task task = tasks.create(RequestAttributes.organizationId(ctx), body.toRequest());
            return new IdempotentCreate.Created(201, response(task), Map.of());
        });
    }

    private void list(Context ctx) {
        List<TaskStatus> statuses = QueryParams.repeated(ctx, "status", TaskStatus::parse);
        Optional<Instant> after = QueryParams.instant(ctx, "created_after");
        Optional<Instant> before = QueryParams.instant(ctx, "created_before");
        Optional<String> search = QueryParams.text(ctx, "search");
        TaskSortField sortBy = QueryParams.text(ctx, "sort_by")
                .map(v -> QueryParams.parseWith("sort_by", v, TaskSortField::parse)).orElse(TaskSortField.CREATED_AT);
        SortOrder order = QueryParams.text(ctx, "sort_order")
                .map(v -> QueryParams.parseWith("sort_order", v, SortOrder::parse)).orElse(SortOrder.DESC);
        TaskQuery query = new TaskQuery(Set.copyOf(statuses), after, before, search, sortBy, order,
                QueryParams.page(ctx));
        Page<Task> page = tasks.list(RequestAttributes.organizationId(ctx), query);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", statuses.stream().map(TaskStatus::wireName).distinct().toList());
        filters.put("created_after", after.map(Instant::toString).orElse(null));
        filters.put("created_before", before.map(Instant::toString).orElse(null));
        filters.put("search", search.orElse(null));
        filters.put("sort_by", sortBy.wireName());
        filters.put("sort_order", order.wireName());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tasks", page.items().stream().map(TaskResponse::of).toList());
        data.put("pagination", Pagination.of(page));
        data.put("filters", filters);
        ApiResponses.ok(ctx, data);
    }

    private void get(Context ctx) {
        boolean steps = QueryParams.bool(ctx, "include_steps");
        boolean artifacts = QueryParams.bool(ctx, "include_artifacts");
        boolean logs = QueryParams.bool(ctx, "include_logs");
        var details = tasks.getDetails(RequestAttributes.organizationId(ctx), ctx.pathParam("task_id"),
                new TaskIncludes(steps, artifacts, logs));
        ApiResponses.ok(ctx, TaskResponse.of(details, steps, artifacts, logs));
    }

    private void update(Context ctx) {
        UpdateTaskBody body = bodies.read(ctx, UpdateTaskBody.class);
        Task task = tasks.update(RequestAttributes.organizationId(ctx), ctx.pathParam("task_id"), body.toRequest());
        ApiResponses.ok(ctx, response(task));
    }

    private void cancel(Context ctx) {
        CancelTaskBody body = bodies.readOptional(ctx, CancelTaskBody.class).orElse(CancelTaskBody.NONE);
        CancelReasons.check(body.reason());
        CancelResult result = tasks.cancel(RequestAttributes.organizationId(ctx), ctx.pathParam("task_id"),
                new CancelRequest(body.reason(), body.forced()));
        ApiResponses.write(ctx, 200, response(result.task()), Map.of(),
                Map.of("cancellation_time_ms", result.cancellationTimeMs()));
    }

    private TaskResponse response(Task task) {
        return TaskResponse.of(task);
    }

    private void steps(Context ctx) {
        boolean actions = QueryParams.bool(ctx, "include_actions");
        boolean screenshots = QueryParams.bool(ctx, "include_screenshots");
        List<StepStatus> statuses = QueryParams.repeated(ctx, "status_filter", StepStatus::parse);
        List<StepDetails> steps = tasks.steps(RequestAttributes.organizationId(ctx), ctx.pathParam("task_id"),
                new StepQuery(actions, screenshots, Set.copyOf(statuses)));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status_filter", statuses.stream().map(StepStatus::wireName).distinct().toList());
        filters.put("include_actions", actions);
        filters.put("include_screenshots", screenshots);
        ApiResponses.write(ctx, 200, steps.stream().map(s -> StepResponse.of(s, actions, screenshots)).toList(),
                Map.of(), Map.of("total_steps", steps.size(), "filters_applied", filters));
    }

    private void artifacts(Context ctx) {
        ApiResponses.ok(ctx, tasks.artifacts(RequestAttributes.organizationId(ctx), ctx.pathParam("task_id"))
                .stream().map(ArtifactResponse::of).toList());
    }

    private void logs(Context ctx) {
        ApiResponses.ok(ctx, tasks.logs(RequestAttributes.organizationId(ctx), ctx.pathParam("task_id"))
                .stream().map(LogResponse::of).toList());
    }

    private void analytics(Context ctx) {
        ApiResponses.ok(ctx, TaskAnalyticsResponse.of(
                tasks.analytics(RequestAttributes.organizationId(ctx), ctx.pathParam("task_id"))));
    }

    private void retryWebhook(Context ctx) {
        String taskId = ctx.pathParam("task_id");
        DeliveryResult result = tasks.retryWebhook(RequestAttributes.organizationId(ctx), taskId);
        ApiResponses.ok(ctx, WebhookRetryResponse.of(taskId, result));
    }
}
