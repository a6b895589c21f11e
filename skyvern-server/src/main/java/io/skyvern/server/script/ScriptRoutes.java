package io.skyvern.server.script;

import io.javalin.http.Context;
import io.skyvern.common.Page;
import io.skyvern.common.RunMode;
import io.skyvern.script.RunScript;
import io.skyvern.script.Script;
import io.skyvern.script.ScriptService;
import io.skyvern.server.http.ApiResponses;
import io.skyvern.server.http.Pagination;
import io.skyvern.server.http.QueryParams;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.RequestValidationException;
import io.skyvern.server.http.ApiRouteGroup;
import io.skyvern.server.http.ApiRoutes;
import io.skyvern.server.http.Operation;
import io.skyvern.server.http.Param;
import io.skyvern.server.http.Params;
import io.skyvern.task.StepQuery;
import io.skyvern.task.Task;
import io.skyvern.task.TaskService;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * /api/v1/scripts (list, show, delete), /api/v1/tasks/{task_id}/script (how the task ran) and
 * /api/v1/tasks/{task_id}/export?format=java (the task's script as a Java program). Another
 * organisation's script or task is a 404.
 */
public final class ScriptRoutes implements ApiRouteGroup {
    public static final String SCRIPTS = "/api/v1/scripts";
    public static final String TASK_SCRIPT = "/api/v1/tasks/{task_id}/script";
    public static final String TASK_EXPORT = "/api/v1/tasks/{task_id}/export";

    private final ScriptService scripts;
    private final TaskService tasks;

    public ScriptRoutes(ScriptService scripts, TaskService tasks) {
        this.scripts = scripts;
        this.tasks = tasks;
    }

    @Override
    public void register(ApiRoutes api) {
        Param id = Param.path("script_id");
        Param task = Param.path("task_id");
        api.get(SCRIPTS, Operation.of("scripts", "List replay scripts (paginated; data.scripts and "
                + "data.pagination)").params(Params.PAGE).errors(422), this::list);
        api.get(SCRIPTS + "/{script_id}", Operation.of("scripts", "Get a script with its versions, steps, actions "
                + "and element descriptors").params(id).returns(ScriptDetailsResponse.class).errors(404), this::get);
        api.delete(SCRIPTS + "/{script_id}", Operation.of("scripts", "Delete a script and its versions (the next "
                + "auto run records a new one)").params(id).errors(404), this::delete);
        api.get(TASK_SCRIPT, Operation.of("tasks", "How a task ran: run_mode, cache_key, the script_id and "
                + "script_version it used or recorded, and each step's mode (agent, replayed, healed)").params(task)
                .returns(TaskScriptResponse.class).errors(404), this::taskScript);
        api.get(TASK_EXPORT, Operation.of("tasks", "The task's script as one standalone Playwright-for-Java program "
                + "(text/x-java-source, not the JSON envelope)").params(task,
                Param.query("format", "string", "java (the only format)")).errors(404, 422), this::export);
    }

    private void list(Context ctx) {
        Page<Script> page = scripts.list(RequestAttributes.organizationId(ctx), QueryParams.page(ctx));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scripts", page.items().stream().map(ScriptResponse::of).toList());
        data.put("pagination", Pagination.of(page));
        ApiResponses.ok(ctx, data);
    }

    private void get(Context ctx) {
        ApiResponses.ok(ctx, ScriptDetailsResponse.of(scripts.get(RequestAttributes.organizationId(ctx),
                ctx.pathParam("script_id"))));
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("script_id");
        scripts.delete(RequestAttributes.organizationId(ctx), id);
        ApiResponses.ok(ctx, Map.of("script_id", id, "deleted", true));
    }

    private void taskScript(Context ctx) {
        String org = RequestAttributes.organizationId(ctx);
        Task task = tasks.get(org, ctx.pathParam("task_id"));
        RunScript run = scripts.run(task.taskId()).orElse(RunScript.of(RunMode.AGENT, null));
        Map<String, String> modes = scripts.stepModes(task.taskId());
        var steps = tasks.steps(org, task.taskId(), new StepQuery(false, false, Set.of())).stream()
                .map(s -> new TaskScriptResponse.StepMode(s.step().stepId(), s.step().order(),
                        modes.getOrDefault(s.step().stepId(), "agent"))).toList();
        ApiResponses.ok(ctx, new TaskScriptResponse(task.taskId(), run.runMode().wireName(),
                run.cacheKey().orElse(null), run.scriptId().orElse(null), run.scriptVersion().orElse(null), steps));
    }

    private void export(Context ctx) {
        String format = QueryParams.text(ctx, "format").orElse("java");
        if (!format.equals("java")) {
            throw RequestValidationException.of("format", "must be java (got '" + format + "')");
        }
        String org = RequestAttributes.organizationId(ctx);
        Task task = tasks.get(org, ctx.pathParam("task_id"));
        String source = scripts.exportJava(org, task.taskId(), task.url(), task.navigationPayload());
        ctx.header("Content-Disposition", "attachment; filename=\"" + io.skyvern.script.JavaExporter.CLASS_NAME
                + ".java\"");
        ctx.contentType(io.skyvern.script.JavaExporter.CONTENT_TYPE + "; charset=utf-8");
        ctx.result(source.getBytes(StandardCharsets.UTF_8));
    }
}
