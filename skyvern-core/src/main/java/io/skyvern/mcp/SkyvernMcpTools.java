package io.skyvern.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.skyvern.client.SkyvernClient;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.PageRequest;
import io.skyvern.common.SkyvernException;
import io.skyvern.task.CancelRequest;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import io.skyvern.task.TaskIncludes;
import io.skyvern.task.TaskQuery;
import io.skyvern.task.TaskStatus;
import io.skyvern.workflow.StartRunRequest;
import io.skyvern.workflow.WorkflowQuery;
import io.skyvern.workflow.WorkflowRun;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Skyvern's MCP tools: run_task, get_task, list_tasks, cancel_task, list_workflows, run_workflow,
 * get_workflow_run. Each call acts through the {@link SkyvernClient} that {@code clients} gives
 * for the call (one fixed client over stdio; the caller's organisation over HTTP), so the tools
 * see what that organisation's API key sees. A failure is a tool result with isError and the
 * error code, never a protocol error: the assistant reads it and can correct its call.
 */
public final class SkyvernMcpTools {
    static final int MAX_WAIT_SECONDS = 1_800;
    private final McpJsonMapper mapper;
    private final Function<McpSyncServerExchange, SkyvernClient> clients;

    public SkyvernMcpTools(McpJsonMapper mapper, Function<McpSyncServerExchange, SkyvernClient> clients) {
        this.mapper = mapper;
        this.clients = clients;
    }

    public List<SyncToolSpecification> all() {
        return List.of(
                tool("run_task", "Run a browser task and wait for its result (up to timeout_seconds, default 300); "
                        + "if it is still running then, returns its task_id and status: poll get_task.", """
                        {"type":"object","properties":{
                          "url":{"type":"string","description":"Start page (http or https)"},
                          "navigation_goal":{"type":"string","description":"What to do, in plain words"},
                          "data_extraction_goal":{"type":"string","description":"What data to return"},
                          "extracted_information_schema":{"type":"object","description":"JSON Schema of the data"},
                          "navigation_payload":{"type":"object","description":"Data to fill in forms"},
                          "max_steps":{"type":"integer","minimum":1},
                          "timeout_seconds":{"type":"integer","minimum":0,"maximum":1800}},
                         "required":["url","navigation_goal"]}""", this::runTask),
                tool("get_task", "A task's status, extracted information and failure reason.", """
                        {"type":"object","properties":{"task_id":{"type":"string"}},"required":["task_id"]}""",
                        (client, a) -> McpResults.task(client.getTask(a.required("task_id"), TaskIncludes.NONE).task())),
                tool("list_tasks", "The newest tasks, optionally by status or text.", """
                        {"type":"object","properties":{
                          "status":{"type":"string","enum":%s},
                          "search":{"type":"string"},"page":{"type":"integer","minimum":1},
                          "page_size":{"type":"integer","minimum":1,"maximum":100}}}""".formatted(statuses()),
                        this::listTasks),
                tool("cancel_task", "Cancel a task that has not finished.", """
                        {"type":"object","properties":{"task_id":{"type":"string"},"reason":{"type":"string"}},
                         "required":["task_id"]}""", (client, a) -> McpResults.task(client.cancelTask(
                        a.required("task_id"), CancelRequest.of(a.text("reason").orElse("Canceled through MCP"))).task())),
                tool("list_workflows", "Workflows (latest versions) with their parameter_schema.", """
                        {"type":"object","properties":{"search":{"type":"string"},"page":{"type":"integer","minimum":1}}}""",
                        (client, a) -> client.listWorkflows(new WorkflowQuery(a.text("search"), Optional.empty(),
                                new PageRequest(a.integer("page").orElse(1), 50))).items().stream()
                                .map(McpResults::workflow).toList()),
                tool("run_workflow", "Start a workflow run with parameters matching its parameter_schema; waits up to "
                        + "timeout_seconds (default 0: returns at once).", """
                        {"type":"object","properties":{"workflow_id":{"type":"string"},
                          "parameters":{"type":"object"},
                          "timeout_seconds":{"type":"integer","minimum":0,"maximum":1800}},
                         "required":["workflow_id"]}""", this::runWorkflow),
                tool("get_workflow_run", "A workflow run's status, output and failure reason.", """
                        {"type":"object","properties":{"workflow_id":{"type":"string"},"run_id":{"type":"string"}},
                         "required":["workflow_id","run_id"]}""", (client, a) -> McpResults.run(client.getWorkflowRun(
                        a.required("workflow_id"), a.required("run_id"), false, false).run())));
    }

    private Object runTask(SkyvernClient client, McpToolArguments a) {
        CreateTaskRequest request = new CreateTaskRequest(a.required("url"), null, a.required("navigation_goal"),
                a.text("data_extraction_goal").orElse(null), a.json("navigation_payload").orElse(null),
                a.json("extracted_information_schema").orElse(null), Map.of(), null,
                a.integer("max_steps").orElse(null), null, null);
        Task created = client.createTask(request);
        Duration wait = Duration.ofSeconds(Math.max(0, Math.min(MAX_WAIT_SECONDS, a.integer("timeout_seconds").orElse(300))));
        try {
            return McpResults.task(client.awaitTask(created.taskId(), wait));
        } catch (SkyvernException e) {
            if (e.errorCode() != ErrorCode.TASK_NOT_FINISHED) {
                throw e;
            }
            Map<String, Object> pending = new LinkedHashMap<>(McpResults.task(
                    client.getTask(created.taskId(), TaskIncludes.NONE).task()));
            pending.put("note", "Still running after " + wait.toSeconds() + " s: call get_task with this task_id.");
            return pending;
        }
    }

    private Object listTasks(SkyvernClient client, McpToolArguments a) {
        TaskQuery query = TaskQuery.defaults();
        query = new TaskQuery(a.text("status").map(s -> java.util.Set.of(TaskStatus.parse(s))).orElse(java.util.Set.of()),
                Optional.empty(), Optional.empty(), a.text("search"), query.sortBy(), query.sortOrder(),
                new PageRequest(a.integer("page").orElse(1), a.integer("page_size").orElse(20)));
        var page = client.listTasks(query);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tasks", page.items().stream().map(McpResults::task).toList());
        out.put("total_count", page.totalCount());
        return out;
    }

    private Object runWorkflow(SkyvernClient client, McpToolArguments a) {
        String workflowId = a.required("workflow_id");
        WorkflowRun run = client.startWorkflowRun(workflowId, new StartRunRequest(
                a.json("parameters").orElse(Json.mapper().createObjectNode()), null, null, null, null));
        int seconds = Math.max(0, Math.min(MAX_WAIT_SECONDS, a.integer("timeout_seconds").orElse(0)));
        if (seconds > 0) {
            try {
                run = client.awaitWorkflowRun(workflowId, run.workflowRunId(), Duration.ofSeconds(seconds));
            } catch (SkyvernException e) {
                if (e.errorCode() != ErrorCode.WORKFLOW_RUN_NOT_FINISHED) {
                    throw e;
                }
            }
        }
        return McpResults.run(run);
    }

    private SyncToolSpecification tool(String name, String description, String inputSchema,
                                       BiFunction<SkyvernClient, McpToolArguments, Object> call) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(mapper, inputSchema).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            try {
                Object result = call.apply(clients.apply(exchange), new McpToolArguments(request.arguments()));
                return McpSchema.CallToolResult.builder().addTextContent(json(result)).isError(false).build();
            } catch (SkyvernException e) {
                String details = e.errors().isEmpty() ? "" : " " + e.errors();
                return McpSchema.CallToolResult.builder()
                        .addTextContent(e.errorCode().code() + ": " + e.getMessage() + details).isError(true).build();
            }
        }).build();
    }

    private static String statuses() {
        return json(java.util.Arrays.stream(TaskStatus.values()).map(TaskStatus::wireName).toList());
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
