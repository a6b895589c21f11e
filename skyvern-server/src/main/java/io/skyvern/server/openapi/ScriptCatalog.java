package io.skyvern.server.openapi;

import io.skyvern.server.script.ScriptDetailsResponse;
import io.skyvern.server.script.ScriptRoutes;
import io.skyvern.server.script.TaskScriptResponse;

import java.util.List;

/** The documented operations of {@link ScriptRoutes}, for the OpenAPI document. */
final class ScriptCatalog {
    private ScriptCatalog() {
    }

    static List<Operation> operations() {
        String s = ScriptRoutes.SCRIPTS;
        List<Param> id = List.of(Param.path("script_id"));
        List<Param> task = List.of(Param.path("task_id"));
        return List.of(
                op("GET", s, "scripts", "List replay scripts (paginated; data.scripts and data.pagination)", List.of(
                        Param.query("page", "integer", "Page number (1-based)"),
                        Param.query("page_size", "integer", "Items per page (1..100)")), null, List.of(422)),
                op("GET", s + "/{script_id}", "scripts", "Get a script with its versions, steps, actions and element "
                        + "descriptors", id, ScriptDetailsResponse.class, List.of(404)),
                op("DELETE", s + "/{script_id}", "scripts", "Delete a script and its versions (the next auto run "
                        + "records a new one)", id, null, List.of(404)),
                op("GET", ScriptRoutes.TASK_SCRIPT, "tasks", "How a task ran: run_mode, cache_key, the script_id and "
                        + "script_version it used or recorded, and each step's mode (agent, replayed, healed)", task,
                        TaskScriptResponse.class, List.of(404)),
                op("GET", ScriptRoutes.TASK_EXPORT, "tasks", "The task's script as one standalone Playwright-for-Java "
                        + "program (text/x-java-source, not the JSON envelope)", List.of(Param.path("task_id"),
                        Param.query("format", "string", "java (the only format)")), null, List.of(404, 422)));
    }

    private static Operation op(String method, String path, String tag, String summary, List<Param> params,
                                Class<?> data, List<Integer> errors) {
        return new Operation(method, path, tag, summary, params, null, 200, data, false, errors, true);
    }
}
