package io.skyvern.server.script;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
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
import io.skyvern.server.http.RouteGroup;
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
public final class ScriptRoutes implements RouteGroup {
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
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(SCRIPTS, this::list);
        routes.get(SCRIPTS + "/{script_id}", this::get);
        routes.delete(SCRIPTS + "/{script_id}", this::delete);
        routes.get(TASK_SCRIPT, this::taskScript);
        routes.get(TASK_EXPORT, this::export);
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
