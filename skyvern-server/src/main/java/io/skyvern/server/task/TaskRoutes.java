package io.skyvern.server.task;

import io.javalin.http.Context;
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
import io.skyvern.server.http.ApiRouteGroup;
import io.skyvern.server.http.ApiRoutes;
import io.skyvern.server.http.Operation;
import io.skyvern.server.http.Param;
import io.skyvern.server.http.Params;
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
public final class TaskRoutes implements ApiRouteGroup {
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
    public void register(ApiRoutes api) {
        Param task = Param.path("task_id");
        api.post(BASE, tasks("Create a task (queued for execution)").params(Params.IDEMPOTENCY_KEY)
                .body(CreateTaskBody.class).created().returns(TaskResponse.class)
                .errors(400, 404, 409, 422, 429), this::create);
        api.get(BASE, tasks("List tasks with filters, sorting and pagination").params(Params.PAGE).params(
                Param.repeatedQuery("status", "Filter by status (repeatable)").oneOf(TaskStatus.values()),
                Param.query("created_after", "date-time", "Created at or after"),
                Param.query("created_before", "date-time", "Created before"),
                Param.query("search", "string", "Text search in navigation goal"),
                Param.query("sort_by", "string", "Sort field").oneOf(TaskSortField.values()),
                Param.query("sort_order", "string", "Sort order").oneOf(SortOrder.values())).errors(422), this::list);
        api.get(BASE + "/{task_id}", tasks("Get a task").params(task,
                Param.query("include_steps", "boolean", "Include steps"),
                Param.query("include_artifacts", "boolean", "Include artifacts"),
                Param.query("include_logs", "boolean", "Include logs")).returns(TaskResponse.class).errors(404, 422),
                this::get);
        api.patch(BASE + "/{task_id}", tasks("Edit a task that has not started").params(task)
                .body(UpdateTaskBody.class).returns(TaskResponse.class).errors(400, 404, 409, 422), this::update);
        api.post(BASE + "/{task_id}/cancel", tasks("Cancel a task").params(task).body(CancelTaskBody.class)
                .returns(TaskResponse.class).errors(400, 404, 409, 422), this::cancel);
        api.get(BASE + "/{task_id}/steps", tasks("List a task's steps").params(task,
                Param.query("include_actions", "boolean", "Include actions"),
                Param.query("include_screenshots", "boolean", "Include screenshot artifacts"),
                Param.repeatedQuery("status_filter", "Filter by step status (repeatable)").oneOf(StepStatus.values()))
                .returnsList(StepResponse.class).errors(404, 422), this::steps);
        api.get(BASE + "/{task_id}/artifacts", tasks("List a task's artifacts").params(task)
                .returnsList(ArtifactResponse.class).errors(404), this::artifacts);
        api.get(BASE + "/{task_id}/logs", tasks("List a task's execution log").params(task)
                .returnsList(LogResponse.class).errors(404), this::logs);
        api.get(BASE + "/{task_id}/analytics", tasks("Task analytics").params(task)
                .returns(TaskAnalyticsResponse.class).errors(404), this::analytics);
        api.post(BASE + "/{task_id}/retry_webhook", tasks("Send a finished task's webhook again").params(task)
                .returns(WebhookRetryResponse.class).errors(404, 409), this::retryWebhook);
    }

    private static Operation tasks(String summary) {
        return Operation.of("tasks", summary);
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
