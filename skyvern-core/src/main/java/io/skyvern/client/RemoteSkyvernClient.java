package io.skyvern.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.artifact.Artifact;
import io.skyvern.auth.ApiKey;
import io.skyvern.auth.CreatedApiKey;
import io.skyvern.auth.CreatedOrganization;
import io.skyvern.auth.Organization;
import io.skyvern.common.Page;
import io.skyvern.runlog.RunLog;
import io.skyvern.task.CancelRequest;
import io.skyvern.task.CancelResult;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.StepDetails;
import io.skyvern.task.StepQuery;
import io.skyvern.task.StepStatus;
import io.skyvern.task.Task;
import io.skyvern.task.TaskAnalytics;
import io.skyvern.task.TaskDetails;
import io.skyvern.task.TaskIncludes;
import io.skyvern.task.TaskQuery;
import io.skyvern.task.TaskStatus;
import io.skyvern.task.UpdateTaskRequest;
import io.skyvern.workflow.RunQuery;
import io.skyvern.workflow.SavedWorkflow;
import io.skyvern.workflow.StartRunRequest;
import io.skyvern.workflow.Workflow;
import io.skyvern.workflow.WorkflowAnalytics;
import io.skyvern.workflow.WorkflowQuery;
import io.skyvern.workflow.WorkflowRequest;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunDetails;
import io.skyvern.workflow.WorkflowRunStatus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.skyvern.client.RemoteHttp.query;
import static io.skyvern.client.RemoteHttp.segment;

/**
 * {@link SkyvernClient} over the REST API ({@code x-api-key}). Failures come back as the same
 * {@link io.skyvern.common.SkyvernException} (same {@link io.skyvern.common.ErrorCode}, message and
 * errors) a {@link LocalSkyvernClient} would throw; a server that cannot be reached is
 * SERVICE_UNAVAILABLE naming the URL. Thread-safe; share one instance.
 *
 * <pre>{@code
 * SkyvernClient client = RemoteSkyvernClient.connect("http://localhost:8000", apiKey);
 * Task task = client.createTask(CreateTaskRequest.builder(url, goal).build());
 * }</pre>
 */
public final class RemoteSkyvernClient implements SkyvernClient {
    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration MAX_POLL = Duration.ofSeconds(2);
    private static final String TASKS = "/api/v1/tasks/";
    private static final String WORKFLOWS = "/api/v1/workflows/";
    private static final String SESSIONS = "/api/v1/browser_sessions";
    private final RemoteHttp http;
    private volatile String organizationId;

    private RemoteSkyvernClient(RemoteHttp http) {
        this.http = http;
    }

    /** A client for the server at {@code baseUrl} (e.g. {@code http://localhost:8000}); no call is made yet. */
    public static RemoteSkyvernClient connect(String baseUrl, String apiKey) {
        return connect(baseUrl, apiKey, Duration.ofSeconds(60));
    }

    public static RemoteSkyvernClient connect(String baseUrl, String apiKey, Duration requestTimeout) {
        return new RemoteSkyvernClient(new RemoteHttp(baseUrl, apiKey, requestTimeout));
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    // ---- tasks ----

    @Override
    public Task createTask(CreateTaskRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", r.url());
        body.put("title", r.title());
        body.put("navigation_goal", r.navigationGoal());
        body.put("data_extraction_goal", r.dataExtractionGoal());
        body.put("navigation_payload", r.navigationPayload());
        body.put("extracted_information_schema", r.extractedInformationSchema());
        body.put("error_code_mapping", r.errorCodeMapping());
        body.put("webhook_callback_url", r.webhookCallbackUrl());
        body.put("max_steps", r.maxSteps());
        body.put("browser_session_id", r.browserSessionId());
        body.put("priority", r.priority() == null ? null : r.priority().wireName());
        r.login().credentialId().ifPresent(v -> body.put("credential_id", v));
        r.login().totpIdentifier().ifPresent(v -> body.put("totp_identifier", v));
        r.login().totpVerificationUrl().ifPresent(v -> body.put("totp_verification_url", v));
        if (r.runMode() != null) {
            body.put("run_mode", r.runMode().wireName());
        }
        if (r.cacheKey() != null) {
            body.put("cache_key", r.cacheKey());
        }
        return WireReader.task(data(http.call("POST", "/api/v1/tasks", body)));
    }

    @Override
    public io.skyvern.credential.Credential createCredential(io.skyvern.credential.NewCredential c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", c.name());
        body.put("username", c.username());
        body.put("password", c.password());
        c.totpSecret().ifPresent(v -> body.put("totp_secret", v));
        body.put("allowed_domains", c.allowedDomains());
        return WireReader.credential(data(http.call("POST", "/api/v1/credentials", body)));
    }

    @Override
    public List<io.skyvern.credential.Credential> listCredentials() {
        return WireReader.list(data(http.call("GET", "/api/v1/credentials", null)), WireReader::credential);
    }

    @Override
    public void deleteCredential(String credentialId) {
        http.call("DELETE", "/api/v1/credentials/" + segment(credentialId), null);
    }

    @Override
    public io.skyvern.totp.PushedCode pushTotpCode(String totpIdentifier, String code, String content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totp_identifier", totpIdentifier);
        body.put("code", code);
        body.put("content", content);
        JsonNode d = data(http.call("POST", "/api/v1/totp_codes", body));
        return new io.skyvern.totp.PushedCode(WireReader.text(d, "totp_code_id"), orgOf(d),
                WireReader.text(d, "totp_identifier"), WireReader.instant(d, "created_at"),
                WireReader.instant(d, "expires_at"));
    }

    private static String orgOf(JsonNode d) {
        return d.path("organization_id").asText("");
    }

    @Override
    public TaskDetails getTask(String taskId, TaskIncludes inc) {
        JsonNode data = data(http.call("GET", TASKS + segment(taskId) + query("include_steps", flag(inc.steps()),
                "include_artifacts", flag(inc.artifacts()), "include_logs", flag(inc.logs())), null));
        Task task = WireReader.task(data);
        String org = task.organizationId();
        return new TaskDetails(task, WireReader.list(data.get("steps"), s -> WireReader.step(s, org)),
                WireReader.list(data.get("artifacts"), a -> WireReader.artifact(a, org)),
                WireReader.list(data.get("logs"), l -> WireReader.log(l, org)));
    }

    @Override
    public Page<Task> listTasks(TaskQuery q) {
        String path = "/api/v1/tasks" + query("status", joined(q.statuses(), TaskStatus::wireName),
                "created_after", q.createdAfter().orElse(null), "created_before", q.createdBefore().orElse(null),
                "search", q.search().orElse(null), "sort_by", q.sortBy().wireName(),
                "sort_order", q.sortOrder().wireName(), "page", q.page().page(), "page_size", q.page().pageSize());
        return WireReader.page(data(http.call("GET", path, null)), "tasks", WireReader::task);
    }

    @Override
    public Task updateTask(String taskId, UpdateTaskRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "url", r.url());
        putIfSet(body, "title", r.title());
        putIfSet(body, "navigation_goal", r.navigationGoal());
        putIfSet(body, "data_extraction_goal", r.dataExtractionGoal());
        putIfSet(body, "navigation_payload", r.navigationPayload());
        putIfSet(body, "extracted_information_schema", r.extractedInformationSchema());
        putIfSet(body, "error_code_mapping", r.errorCodeMapping());
        putIfSet(body, "webhook_callback_url", r.webhookCallbackUrl());
        putIfSet(body, "max_steps", r.maxSteps());
        return WireReader.task(data(http.call("PATCH", TASKS + segment(taskId), body)));
    }

    @Override
    public CancelResult cancelTask(String taskId, CancelRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "reason", r.reason());
        body.put("force", r.force());
        JsonNode envelope = http.call("POST", TASKS + segment(taskId) + "/cancel", body);
        return new CancelResult(WireReader.task(data(envelope)),
                envelope.path("metadata").path("cancellation_time_ms").asLong());
    }

    @Override
    public List<StepDetails> taskSteps(String taskId, StepQuery q) {
        String org = organizationIdOrNull();
        String path = TASKS + segment(taskId) + "/steps" + query("include_actions", flag(q.includeActions()),
                "include_screenshots", flag(q.includeScreenshots()),
                "status_filter", joined(q.statuses(), StepStatus::wireName));
        return WireReader.list(data(http.call("GET", path, null)), s -> WireReader.step(s, org));
    }

    @Override
    public List<Artifact> taskArtifacts(String taskId) {
        String org = organizationIdOrNull();
        return WireReader.list(data(http.call("GET", TASKS + segment(taskId) + "/artifacts", null)),
                a -> WireReader.artifact(a, org));
    }

    @Override
    public List<RunLog> taskLogs(String taskId) {
        String org = organizationIdOrNull();
        return WireReader.list(data(http.call("GET", TASKS + segment(taskId) + "/logs", null)),
                l -> WireReader.log(l, org));
    }

    @Override
    public TaskAnalytics taskAnalytics(String taskId) {
        return WireReader.taskAnalytics(data(http.call("GET", TASKS + segment(taskId) + "/analytics", null)));
    }

    // ---- workflows ----

    @Override
    public SavedWorkflow createWorkflow(WorkflowRequest request) {
        return saved(http.call("POST", "/api/v1/workflows", workflowBody(request)));
    }

    @Override
    public SavedWorkflow updateWorkflow(String workflowId, WorkflowRequest request) {
        return saved(http.call("PUT", WORKFLOWS + segment(workflowId), workflowBody(request)));
    }

    @Override
    public Workflow getWorkflow(String workflowId) {
        return WireReader.workflow(data(http.call("GET", WORKFLOWS + segment(workflowId), null)));
    }

    @Override
    public Page<Workflow> listWorkflows(WorkflowQuery q) {
        String path = "/api/v1/workflows" + query("search", q.search().orElse(null),
                "is_active", q.active().orElse(null), "page", q.page().page(), "page_size", q.page().pageSize());
        return WireReader.page(data(http.call("GET", path, null)), "workflows", WireReader::workflow);
    }

    @Override
    public void deleteWorkflow(String workflowId) {
        http.call("DELETE", WORKFLOWS + segment(workflowId), null);
    }

    @Override
    public WorkflowRun startWorkflowRun(String workflowId, StartRunRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", r.parameters());
        putIfSet(body, "priority", r.priority() == null ? null : r.priority().wireName());
        putIfSet(body, "webhook_callback_url", r.webhookCallbackUrl());
        putIfSet(body, "max_execution_time_minutes", r.maxExecutionTimeMinutes());
        putIfSet(body, "browser_session_id", r.browserSessionId());
        putIfSet(body, "totp_identifier", r.login().totpIdentifier().orElse(null));
        putIfSet(body, "totp_verification_url", r.login().totpVerificationUrl().orElse(null));
        putIfSet(body, "run_mode", r.runMode() == null ? null : r.runMode().wireName());
        putIfSet(body, "cache_key", r.cacheKey());
        JsonNode data = data(http.call("POST", WORKFLOWS + segment(workflowId) + "/runs", body));
        return WireReader.run(data, organizationIdOrNull());
    }

    @Override
    public WorkflowRunDetails getWorkflowRun(String workflowId, String runId, boolean includeBlocks,
                                             boolean includeLogs) {
        String org = organizationIdOrNull();
        JsonNode data = data(http.call("GET", WORKFLOWS + segment(workflowId) + "/runs/" + segment(runId)
                + query("include_blocks", flag(includeBlocks), "include_logs", flag(includeLogs)), null));
        WorkflowRun run = WireReader.run(data, org);
        return new WorkflowRunDetails(run,
                WireReader.list(data.get("blocks"), b -> WireReader.block(b, run.workflowRunId())),
                WireReader.list(data.get("logs"), l -> WireReader.log(l, org)));
    }

    @Override
    public Page<WorkflowRun> listWorkflowRuns(String workflowId, RunQuery q) {
        String org = organizationIdOrNull();
        String path = WORKFLOWS + segment(workflowId) + "/runs" + query("status",
                joined(q.statuses(), WorkflowRunStatus::wireName), "page", q.page().page(),
                "page_size", q.page().pageSize());
        return WireReader.page(data(http.call("GET", path, null)), "runs", r -> WireReader.run(r, org));
    }

    @Override
    public WorkflowRun cancelWorkflowRun(String workflowId, String runId, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "reason", reason);
        JsonNode data = data(http.call("POST", WORKFLOWS + segment(workflowId) + "/runs/" + segment(runId)
                + "/cancel", body));
        return WireReader.run(data, organizationIdOrNull());
    }

    @Override
    public WorkflowAnalytics workflowAnalytics(String workflowId) {
        return WireReader.workflowAnalytics(data(http.call("GET", WORKFLOWS + segment(workflowId) + "/analytics",
                null)));
    }

    // ---- organisation ----

    @Override
    public Organization me() {
        Organization me = WireReader.organization(data(http.call("GET", "/api/v1/organizations/me", null)));
        organizationId = me.organizationId();
        return me;
    }

    @Override
    public CreatedApiKey createApiKey(String name) {
        return WireReader.createdApiKey(data(http.call("POST", "/api/v1/api_keys", Map.of("name", name))));
    }

    @Override
    public List<ApiKey> listApiKeys() {
        return WireReader.list(data(http.call("GET", "/api/v1/api_keys", null)), WireReader::apiKey);
    }

    @Override
    public ApiKey revokeApiKey(String apiKeyId) {
        return WireReader.apiKey(data(http.call("DELETE", "/api/v1/api_keys/" + segment(apiKeyId), null)));
    }

    @Override
    public CreatedOrganization createOrganization(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        JsonNode data = data(http.call("POST", "/api/v1/organizations", body));
        return new CreatedOrganization(WireReader.organization(data.path("organization")),
                WireReader.createdApiKey(data.path("api_key")));
    }

    // ---- artifacts and browser sessions ----

    @Override
    public byte[] artifactContent(String artifactId) {
        return http.bytes("/api/v1/artifacts/" + segment(artifactId) + "/content");
    }

    @Override
    public BrowserSessionInfo createBrowserSession(Integer timeoutMinutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "timeout_minutes", timeoutMinutes);
        return WireReader.browserSession(data(http.call("POST", SESSIONS, body)));
    }

    @Override
    public List<BrowserSessionInfo> listBrowserSessions() {
        JsonNode data = data(http.call("GET", SESSIONS, null));
        // a bare list, or a page object holding one, depending on the server version
        JsonNode items = data.isArray() ? data : data.path("browser_sessions");
        return WireReader.list(items, WireReader::browserSession);
    }

    @Override
    public BrowserSessionInfo getBrowserSession(String browserSessionId) {
        return WireReader.browserSession(data(http.call("GET", SESSIONS + "/" + segment(browserSessionId), null)));
    }

    @Override
    public BrowserSessionInfo closeBrowserSession(String browserSessionId) {
        return WireReader.browserSession(data(http.call("POST", SESSIONS + "/" + segment(browserSessionId)
                + "/close", null)));
    }

    // ---- waiting ----

    /** Polls: after 250 ms, then 1.5 times longer each time, up to every 2 s. */
    @Override
    public CompletableFuture<Task> taskFinished(String taskId) {
        return RunWatch.start(() -> getTask(taskId, TaskIncludes.NONE).task(), t -> t.status().isFinal(),
                FIRST_POLL, MAX_POLL).future();
    }

    @Override
    public CompletableFuture<WorkflowRun> workflowRunFinished(String workflowId, String runId) {
        return RunWatch.start(() -> getWorkflowRun(workflowId, runId, false, false).run(),
                r -> r.status().isFinal(), FIRST_POLL, MAX_POLL).future();
    }

    // ---- helpers ----

    private static JsonNode data(JsonNode envelope) {
        return envelope.path("data");
    }

    private static SavedWorkflow saved(JsonNode envelope) {
        return new SavedWorkflow(WireReader.workflow(data(envelope)),
                WireReader.validation(envelope.path("validation")));
    }

    private static Map<String, Object> workflowBody(WorkflowRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", r.title());
        body.put("description", r.description());
        body.put("workflow_definition", r.workflowDefinition());
        body.put("parameter_schema", r.parameterSchema());
        putIfSet(body, "is_active", r.isActive());
        return body;
    }

    /** Objects the wire does not label with their organisation get this client's, looked up once. */
    private String organizationIdOrNull() {
        String known = organizationId;
        return known != null ? known : me().organizationId();
    }

    private static void putIfSet(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }

    private static String flag(boolean value) {
        return value ? "true" : null;
    }

    private static <T> String joined(Set<T> values, Function<T, String> wire) {
        return values.isEmpty() ? null : values.stream().map(wire).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Page<io.skyvern.script.Script> listScripts(io.skyvern.common.PageRequest page) {
        JsonNode data = data(http.call("GET", "/api/v1/scripts" + RemoteHttp.query("page", page.page(),
                "page_size", page.pageSize()), null));
        List<io.skyvern.script.Script> items = WireReader.list(data.path("scripts"), ScriptWire::script);
        return Page.of(items, page, data.path("pagination").path("total_count").asLong(items.size()));
    }

    @Override
    public io.skyvern.script.ScriptDetails getScript(String scriptId) {
        return ScriptWire.details(data(http.call("GET", "/api/v1/scripts/" + segment(scriptId), null)));
    }

    @Override
    public void deleteScript(String scriptId) {
        http.call("DELETE", "/api/v1/scripts/" + segment(scriptId), null);
    }

    @Override
    public String exportTaskAsJava(String taskId) {
        return new String(http.bytes("/api/v1/tasks/" + segment(taskId) + "/export?format=java"),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
