package io.skyvern.server.openapi;

import io.skyvern.server.browsersession.BrowserSessionResponse;
import io.skyvern.server.browsersession.CreateBrowserSessionBody;
import io.skyvern.server.common.ArtifactResponse;
import io.skyvern.server.common.LogResponse;
import io.skyvern.server.org.ApiKeyResponse;
import io.skyvern.server.org.ApiKeyBody;
import io.skyvern.server.org.NameBody;
import io.skyvern.server.org.OrganizationResponse;
import io.skyvern.server.task.CancelTaskBody;
import io.skyvern.server.task.CreateTaskBody;
import io.skyvern.server.task.StepResponse;
import io.skyvern.server.task.TaskAnalyticsResponse;
import io.skyvern.server.task.TaskResponse;
import io.skyvern.server.task.UpdateTaskBody;
import io.skyvern.server.task.WebhookRetryResponse;
import io.skyvern.server.workflow.CancelRunBody;
import io.skyvern.server.workflow.StartRunBody;
import io.skyvern.server.workflow.WorkflowBody;
import io.skyvern.server.workflow.WorkflowResponse;
import io.skyvern.server.workflow.WorkflowRunResponse;

import java.util.ArrayList;
import java.util.List;

/** Every route of the API, as documented. A test keeps this list and the router equal. */
public final class ApiCatalog {
    private static final String T = "/api/v1/tasks";
    private static final String W = "/api/v1/workflows";

    private ApiCatalog() {
    }

    public static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        List<Param> none = List.of();
        List<Param> idempotency = List.of(Param.header("Idempotency-Key", "Repeats with the same key and body "
                + "within 24 h return the first answer (Idempotent-Replayed: true) and create nothing; another body "
                + "is 422 IDEMPOTENCY_KEY_REUSED; 409 IDEMPOTENCY_KEY_IN_USE while the first is still creating"));
        List<Param> task = List.of(Param.path("task_id"));
        List<Param> wf = List.of(Param.path("workflow_id"));
        List<Param> run = List.of(Param.path("workflow_id"), Param.path("run_id"));
        List<Param> page = List.of(Param.query("page", "integer", "Page number (1-based)"),
                Param.query("page_size", "integer", "Items per page (1..100)"));
        ops.add(op("POST", T, "tasks", "Create a task (queued for execution)", idempotency, CreateTaskBody.class, 201,
                TaskResponse.class, false, List.of(400, 404, 409, 422, 429)));
        ops.add(op("GET", T, "tasks", "List tasks with filters, sorting and pagination", concat(page, List.of(
                Param.repeatedQuery("status", "Filter by status (repeatable)"),
                Param.query("created_after", "date-time", "Created at or after"),
                Param.query("created_before", "date-time", "Created before"),
                Param.query("search", "string", "Text search in navigation goal"),
                Param.query("sort_by", "string", "created_at|modified_at|completed_at|status|url|navigation_goal"),
                Param.query("sort_order", "string", "asc|desc"))), null, 200, null, false, List.of(422)));
        ops.add(op("GET", T + "/{task_id}", "tasks", "Get a task", concat(task, List.of(
                Param.query("include_steps", "boolean", "Include steps"),
                Param.query("include_artifacts", "boolean", "Include artifacts"),
                Param.query("include_logs", "boolean", "Include logs"))), null, 200, TaskResponse.class, false,
                List.of(404, 422)));
        ops.add(op("PATCH", T + "/{task_id}", "tasks", "Edit a task that has not started", task,
                UpdateTaskBody.class, 200, TaskResponse.class, false, List.of(400, 404, 409, 422)));
        ops.add(op("POST", T + "/{task_id}/cancel", "tasks", "Cancel a task", task, CancelTaskBody.class, 200,
                TaskResponse.class, false, List.of(400, 404, 409, 422)));
        ops.add(op("GET", T + "/{task_id}/steps", "tasks", "List a task's steps", concat(task, List.of(
                Param.query("include_actions", "boolean", "Include actions"),
                Param.query("include_screenshots", "boolean", "Include screenshot artifacts"),
                Param.repeatedQuery("status_filter", "Filter by step status (repeatable)"))), null, 200,
                StepResponse.class, true, List.of(404, 422)));
        ops.add(op("GET", T + "/{task_id}/artifacts", "tasks", "List a task's artifacts", task, null, 200,
                ArtifactResponse.class, true, List.of(404)));
        ops.add(op("GET", T + "/{task_id}/logs", "tasks", "List a task's execution log", task, null, 200,
                LogResponse.class, true, List.of(404)));
        ops.add(op("GET", T + "/{task_id}/analytics", "tasks", "Task analytics", task, null, 200,
                TaskAnalyticsResponse.class, false, List.of(404)));
        ops.add(op("POST", T + "/{task_id}/retry_webhook", "tasks", "Send a finished task's webhook again", task,
                null, 200, WebhookRetryResponse.class, false, List.of(404, 409)));
        ops.add(new Operation("GET", T + "/{task_id}/live", "tasks", "Live view of a running task's browser: "
                + "multipart/x-mixed-replace JPEG frames (an <img> shows it); ends with the run; a dashboard session "
                + "cookie also works", task, null, 200, null, false, List.of(404, 409), true));
        ops.add(new Operation("GET", W + "/{workflow_id}/runs/{run_id}/live", "workflows", "Live view of a running "
                + "workflow run's browser (as the task's)", List.of(Param.path("workflow_id"), Param.path("run_id")),
                null, 200, null, false, List.of(404, 409), true));
        List<Param> artifact = List.of(Param.path("artifact_id"));
        ops.add(op("GET", "/api/v1/artifacts/{artifact_id}", "artifacts", "An artifact's metadata", artifact, null,
                200, ArtifactResponse.class, false, List.of(404)));
        ops.add(new Operation("GET", "/api/v1/artifacts/{artifact_id}/content", "artifacts",
                "An artifact's bytes, with its content type", artifact, null, 200, null, false, List.of(404), true));
        String bs = "/api/v1/browser_sessions";
        List<Param> session = List.of(Param.path("browser_session_id"));
        ops.add(op("POST", bs, "browser_sessions", "Open a browser session (timeout_minutes 1..240, default 60)",
                none, CreateBrowserSessionBody.class, 201, BrowserSessionResponse.class, false, List.of(400, 422)));
        ops.add(op("GET", bs, "browser_sessions", "List browser sessions (newest first; browser_sessions and "
                + "pagination)", page, null, 200, null, false, List.of(422)));
        ops.add(op("GET", bs + "/{browser_session_id}", "browser_sessions", "Get a browser session", session, null,
                200, BrowserSessionResponse.class, false, List.of(404)));
        ops.add(op("POST", bs + "/{browser_session_id}/close", "browser_sessions", "Close a browser session", session,
                null, 200, BrowserSessionResponse.class, false, List.of(404)));
        ops.add(op("POST", W, "workflows", "Create a workflow (JSON or YAML body)", idempotency, WorkflowBody.class, 201,
                WorkflowResponse.class, false, List.of(400, 415, 422)));
        ops.add(op("GET", W, "workflows", "List workflows (latest versions)", concat(page, List.of(
                Param.query("search", "string", "Search in titles"),
                Param.query("is_active", "boolean", "Only active or inactive ones"))), null, 200, null, false,
                List.of(422)));
        ops.add(op("GET", W + "/{workflow_id}", "workflows", "Get a workflow (YAML with Accept: application/yaml)",
                concat(wf, List.of(Param.query("version", "integer", "A stored version (default: the latest)"))),
                null, 200, WorkflowResponse.class, false, List.of(404, 422)));
        ops.add(op("PUT", W + "/{workflow_id}", "workflows", "Store a new version of a workflow", wf,
                WorkflowBody.class, 200, WorkflowResponse.class, false, List.of(400, 404, 422)));
        ops.add(op("DELETE", W + "/{workflow_id}", "workflows", "Delete a workflow (runs stay readable)", wf, null,
                200, null, false, List.of(404)));
        ops.add(op("POST", W + "/{workflow_id}/runs", "workflows", "Start a run", concat(wf, idempotency), StartRunBody.class, 201,
                WorkflowRunResponse.class, false, List.of(400, 404, 409, 422, 429)));
        ops.add(op("GET", W + "/{workflow_id}/runs", "workflows", "List runs of a workflow", concat(wf, concat(page,
                List.of(Param.repeatedQuery("status", "Filter by run status (repeatable)")))), null, 200, null, false,
                List.of(404, 422)));
        ops.add(op("GET", W + "/{workflow_id}/runs/{run_id}", "workflows", "Get a run", concat(run, List.of(
                Param.query("include_blocks", "boolean", "Include block runs"),
                Param.query("include_logs", "boolean", "Include logs"))), null, 200, WorkflowRunResponse.class,
                false, List.of(404, 422)));
        ops.add(op("GET", W + "/{workflow_id}/runs/{run_id}/artifacts", "workflows",
                "List a run's artifacts (block screenshots…; bytes at content_url)", run, null, 200,
                ArtifactResponse.class, true, List.of(404)));
        ops.add(op("POST", W + "/{workflow_id}/runs/{run_id}/cancel", "workflows", "Cancel a run", run,
                CancelRunBody.class, 200, WorkflowRunResponse.class, false, List.of(400, 404, 409, 422)));
        ops.add(op("GET", W + "/{workflow_id}/analytics", "workflows", "Workflow analytics", wf, null, 200, null,
                false, List.of(404)));
        ops.add(op("GET", "/api/v1/organizations/me", "organizations", "The caller's organisation", none, null, 200,
                OrganizationResponse.class, false, List.of()));
        ops.add(op("POST", "/api/v1/organizations", "organizations",
                "Create an organisation and its first key (bootstrap keys only)", none, NameBody.class, 201, null,
                false, List.of(400, 403, 422)));
        ops.add(op("POST", "/api/v1/api_keys", "api_keys", "Create an API key (shown once)", none, ApiKeyBody.class,
                201, ApiKeyResponse.class, false, List.of(400, 422)));
        ops.add(op("GET", "/api/v1/api_keys", "api_keys", "List API keys", none, null, 200, ApiKeyResponse.class,
                true, List.of()));
        ops.add(op("DELETE", "/api/v1/api_keys/{api_key_id}", "api_keys", "Revoke an API key",
                List.of(Param.path("api_key_id")), null, 200, ApiKeyResponse.class, false, List.of(404, 409)));
        List<Param> org = List.of(Param.path("organization_id"));
        String orgKeys = "/api/v1/organizations/{organization_id}/api_keys";
        ops.add(op("POST", orgKeys, "api_keys", "Create an API key of an organisation (bootstrap: any; others: "
                + "their own)", org, ApiKeyBody.class, 201, ApiKeyResponse.class, false, List.of(400, 403, 404, 422)));
        ops.add(op("GET", orgKeys, "api_keys", "List an organisation's API keys (bootstrap: any)", org, null, 200,
                ApiKeyResponse.class, true, List.of(403, 404)));
        ops.add(op("DELETE", orgKeys + "/{api_key_id}", "api_keys", "Revoke an organisation's API key; its last "
                + "active key cannot be revoked (409 LAST_API_KEY)", List.of(Param.path("organization_id"),
                Param.path("api_key_id")), null, 200, ApiKeyResponse.class, false, List.of(403, 404, 409)));
        ops.addAll(LoginCatalog.operations());
        ops.addAll(ScriptCatalog.operations());
        ops.add(new Operation("GET", "/health", "ops", "Health (database and browser)", none, null, 200, null, false,
                List.of(503), false));
        ops.add(new Operation("GET", "/metrics", "ops", "Prometheus metrics (text): HTTP, queue depth, runs by status", none, null, 200, null, false,
                List.of(), false));
        return List.copyOf(ops);
    }

    /** Routes that exist only outside production (the docs themselves). */
    public static List<Operation> docsOperations() {
        return List.of(
                new Operation("GET", "/openapi.json", "ops", "This document", List.of(), null, 200, null, false,
                        List.of(), false),
                new Operation("GET", "/docs", "ops", "API documentation page", List.of(), null, 200, null, false,
                        List.of(), false),
                new Operation("GET", "/redoc", "ops", "API reference page", List.of(), null, 200, null, false,
                        List.of(), false));
    }

    private static Operation op(String method, String path, String tag, String summary, List<Param> params,
                                Class<?> body, int status, Class<?> data, boolean list, List<Integer> errors) {
        return new Operation(method, path, tag, summary, params, body, status, data, list, errors, true);
    }

    private static List<Param> concat(List<Param> a, List<Param> b) {
        List<Param> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
