package io.skyvern.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.PageRequest;
import io.skyvern.common.SkyvernException;
import io.skyvern.runlist.RunListQuery;
import io.skyvern.runlist.RunSummary;
import io.skyvern.task.CancelRequest;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import io.skyvern.task.TaskDetails;
import io.skyvern.task.TaskIncludes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The runs list, the task page (with its live parts), the new-task form and cancel. */
final class RunPages {
    private static final int PAGE_SIZE = 20;
    private final Templates templates;

    RunPages(Templates templates) {
        this.templates = templates;
    }

    void register(JavalinDefaultRoutingApi routes, Function<PageHandler, Handler> page) {
        routes.get("/ui/runs", page.apply(this::runs));
        routes.get("/ui/tasks/new", page.apply((ctx, in) -> newTaskForm(ctx, in, Map.of(), List.of())));
        routes.post("/ui/tasks", page.apply(this::create));
        routes.get("/ui/tasks/{task_id}", page.apply(this::task));
        routes.get("/ui/tasks/{task_id}/status", page.apply(this::status));
        routes.get("/ui/tasks/{task_id}/steps", page.apply(this::steps));
        routes.post("/ui/tasks/{task_id}/cancel", page.apply(this::cancel));
    }

    /** Tasks and workflow runs in one list: one database query per page (LocalSkyvernClient.listRuns). */
    private void runs(Context ctx, SignedIn in) {
        RunFilter filter = RunFilter.of(ctx);
        io.skyvern.common.Page<RunSummary> runs = in.client().listRuns(new RunListQuery(filter.statusFilter(),
                filter.createdAfter(), filter.search(), new PageRequest(filter.page(), PAGE_SIZE)));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("chrome", in.chrome("Runs", "runs"));
        model.put("filter", filter);
        model.put("runs", runs.items().stream().map(RunRow::of).toList());
        model.put("hasNext", runs.hasNext());
        model.put("total", runs.totalCount());
        model.put("statuses", RunFilter.STATUSES);
        ctx.html(templates.render("runs.jte", model));
    }

    private void status(Context ctx, SignedIn in) {
        Task t = in.client().getTask(ctx.pathParam("task_id"), TaskIncludes.NONE).task();
        ctx.html(templates.render("status.jte", Map.of("row", RunRow.of(t))));
    }

    private void task(Context ctx, SignedIn in) {
        TaskDetails details = in.client().getTask(ctx.pathParam("task_id"), new TaskIncludes(true, true, true));
        ctx.html(templates.render("task.jte", Map.of("chrome", in.chrome(TaskView.titleOf(details.task()), "runs"),
                "view", TaskView.of(details))));
    }

    /** The step log fragment the task page polls while the task runs. */
    private void steps(Context ctx, SignedIn in) {
        TaskDetails details = in.client().getTask(ctx.pathParam("task_id"), new TaskIncludes(true, true, true));
        ctx.html(templates.render("steps.jte", Map.of("view", TaskView.of(details))));
    }

    private void create(Context ctx, SignedIn in) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("url", "title", "navigation_goal", "data_extraction_goal", "navigation_payload",
                "extracted_information_schema", "max_steps", "webhook_callback_url")) {
            String value = ctx.formParam(field);
            form.put(field, value == null ? "" : value);
        }
        try {
            CreateTaskRequest request = new CreateTaskRequest(blankToNull(form.get("url")),
                    blankToNull(form.get("title")), blankToNull(form.get("navigation_goal")),
                    blankToNull(form.get("data_extraction_goal")), json("navigation_payload", form),
                    json("extracted_information_schema", form), Map.of(),
                    blankToNull(form.get("webhook_callback_url")), integer("max_steps", form), null, null);
            Task created = in.client().createTask(request);
            ctx.redirect("/ui/tasks/" + created.taskId(), HttpStatus.SEE_OTHER);
        } catch (SkyvernException e) {
            ctx.status(e.errorCode().httpStatus());
            newTaskForm(ctx, in, form, e.errors().isEmpty() ? List.of(e.getMessage()) : e.errors());
        }
    }

    private void newTaskForm(Context ctx, SignedIn in, Map<String, String> form, List<String> errors) {
        ctx.html(templates.render("new_task.jte", Map.of("chrome", in.chrome("New task", "new"),
                "form", form, "errors", errors)));
    }

    private void cancel(Context ctx, SignedIn in) {
        String id = ctx.pathParam("task_id");
        in.client().cancelTask(id, CancelRequest.of("Canceled from the dashboard"));
        ctx.redirect("/ui/tasks/" + id, HttpStatus.SEE_OTHER);
    }

    private static JsonNode json(String field, Map<String, String> form) {
        String text = form.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR, field + " is not valid JSON",
                    List.of(field + ": not valid JSON"));
        }
    }

    private static Integer integer(String field, Map<String, String> form) {
        String text = form.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR, field + " must be a whole number",
                    List.of(field + ": must be a whole number"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
