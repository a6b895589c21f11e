package io.skyvern.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.artifact.Artifact;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.auth.ApiKey;
import io.skyvern.auth.CreatedApiKey;
import io.skyvern.auth.Organization;
import io.skyvern.common.Json;
import io.skyvern.common.Page;
import io.skyvern.config.OrgLimits;
import io.skyvern.common.RunPriority;
import io.skyvern.runlog.RunLog;
import io.skyvern.task.ActionRecord;
import io.skyvern.task.Step;
import io.skyvern.task.StepDetails;
import io.skyvern.task.StepStatus;
import io.skyvern.task.Task;
import io.skyvern.task.TaskAnalytics;
import io.skyvern.task.TaskStatus;
import io.skyvern.workflow.ValidationResult;
import io.skyvern.workflow.Workflow;
import io.skyvern.workflow.WorkflowAnalytics;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunBlock;
import io.skyvern.workflow.WorkflowRunStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the REST API's snake_case JSON back into the core's records. Fields the wire does not carry
 * (an artifact's storage uri, the organisation of a step) are filled from what the client knows or
 * left null: the wire is the contract, not the storage.
 */
final class WireReader {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private WireReader() {
    }

    static Task task(JsonNode n) {
        return new Task(text(n, "task_id"), text(n, "organization_id"), TaskStatus.parse(text(n, "status")),
                RunPriority.parse(text(n, "priority")), text(n, "url"), text(n, "title"), text(n, "navigation_goal"),
                text(n, "data_extraction_goal"), json(n, "navigation_payload"),
                json(n, "extracted_information_schema"), stringMap(n.get("error_code_mapping")),
                text(n, "webhook_callback_url"), n.path("max_steps").asInt(), text(n, "browser_session_id"),
                text(n, "workflow_run_id"), json(n, "extracted_information"), text(n, "failure_reason"),
                instant(n, "created_at"), instant(n, "modified_at"), instant(n, "started_at"),
                instant(n, "completed_at"), text(n, "run_mode"), text(n, "cache_key"), text(n, "script_id"),
                integer(n, "script_version"), login(n));
    }

    /** The login settings a task or run echoes (ids and a URL, never a secret). */
    private static io.skyvern.task.LoginSettings login(JsonNode n) {
        return io.skyvern.task.LoginSettings.of(text(n, "credential_id"), text(n, "totp_identifier"),
                text(n, "totp_verification_url"));
    }

    static StepDetails step(JsonNode n, String organizationId) {
        Step step = new Step(text(n, "step_id"), text(n, "task_id"), organizationId, n.path("order").asInt(),
                n.path("retry_index").asInt(), StepStatus.parse(text(n, "status")), text(n, "url"),
                json(n, "output"), text(n, "failure_reason"), n.path("input_tokens").asLong(),
                n.path("output_tokens").asLong(), n.path("cost").asDouble(), n.path("llm_ms").asLong(),
                n.path("snapshot_ms").asLong(), n.path("action_ms").asLong(), instant(n, "created_at"),
                instant(n, "started_at"), instant(n, "completed_at"), n.path("settle_ms").asLong(),
                n.path("settle_waited_for").asText(""), n.path("image_bytes").asLong(), n.path("mode").asText(Step.AGENT));
        String taskId = step.taskId();
        return new StepDetails(step, list(n.get("actions"), a -> action(a, taskId)),
                list(n.get("screenshots"), a -> artifact(a, organizationId)));
    }

    static ActionRecord action(JsonNode n, String taskId) {
        return new ActionRecord(text(n, "action_id"), text(n, "step_id"), taskId, n.path("order").asInt(),
                text(n, "action_type"), text(n, "element_id"), text(n, "reasoning"), json(n, "input"),
                text(n, "status"), text(n, "result_message"), n.path("duration_ms").asLong(),
                instant(n, "created_at"));
    }

    /** The artifact's {@code uri} is its content URL on the server (the storage path is not exposed). */
    static Artifact artifact(JsonNode n, String organizationId) {
        return new Artifact(text(n, "artifact_id"), organizationId, text(n, "task_id"), text(n, "step_id"),
                text(n, "workflow_run_id"), text(n, "workflow_run_block_id"),
                ArtifactType.valueOf(text(n, "artifact_type").toUpperCase(Locale.ROOT)), text(n, "content_url"),
                text(n, "content_type"), n.path("size_bytes").asLong(), instant(n, "created_at"));
    }

    static RunLog log(JsonNode n, String organizationId) {
        return new RunLog(text(n, "log_id"), organizationId, text(n, "task_id"), text(n, "workflow_run_id"),
                text(n, "level"), text(n, "message"), json(n, "data"), instant(n, "created_at"));
    }

    static TaskAnalytics taskAnalytics(JsonNode n) {
        return new TaskAnalytics(text(n, "task_id"), map(n.get("task_metrics")), map(n.get("step_metrics")),
                map(n.get("action_metrics")), map(n.get("resource_metrics")), map(n.get("error_analysis")),
                instant(n, "generated_at"));
    }

    static Workflow workflow(JsonNode n) {
        return new Workflow(text(n, "workflow_id"), n.path("version").asInt(), text(n, "organization_id"),
                text(n, "title"), text(n, "description"), json(n, "workflow_definition"),
                json(n, "parameter_schema"), n.path("is_active").asBoolean(), instant(n, "created_at"),
                instant(n, "modified_at"));
    }

    /** A successful save carries no errors: invalid workflows are refused with an error envelope. */
    static ValidationResult validation(JsonNode n) {
        return new ValidationResult(List.of(), strings(n.get("warnings")), n.path("block_count").asInt(),
                n.path("parameter_count").asInt());
    }

    static WorkflowRun run(JsonNode n, String organizationId) {
        return new WorkflowRun(text(n, "workflow_run_id"), text(n, "workflow_id"), n.path("workflow_version").asInt(),
                organizationId, WorkflowRunStatus.parse(text(n, "status")), RunPriority.parse(text(n, "priority")),
                json(n, "parameters"), json(n, "output"), text(n, "failure_reason"), text(n, "webhook_callback_url"),
                integer(n, "max_execution_time_minutes"), text(n, "browser_session_id"), instant(n, "created_at"),
                instant(n, "modified_at"), instant(n, "started_at"), instant(n, "completed_at"), login(n));
    }

    static WorkflowRunBlock block(JsonNode n, String workflowRunId) {
        return new WorkflowRunBlock(text(n, "workflow_run_block_id"), workflowRunId, text(n, "block_id"),
                text(n, "block_type"), n.path("order").asInt(), integer(n, "loop_index"), text(n, "status"),
                json(n, "output"), text(n, "failure_reason"), text(n, "task_id"), n.path("input_tokens").asLong(),
                n.path("output_tokens").asLong(), n.path("cost").asDouble(), instant(n, "created_at"),
                instant(n, "started_at"), instant(n, "completed_at"), text(n, "run_mode"), text(n, "cache_key"),
                text(n, "script_id"), integer(n, "script_version"));
    }

    static WorkflowAnalytics workflowAnalytics(JsonNode n) {
        return new WorkflowAnalytics(text(n, "workflow_id"), map(n.get("run_metrics")), map(n.get("block_metrics")),
                instant(n, "generated_at"));
    }

    static Organization organization(JsonNode n) {
        JsonNode l = n.path("limits");
        OrgLimits limits = l.isObject() ? new OrgLimits(l.path("max_concurrent_tasks").asInt(),
                l.path("max_concurrent_workflow_runs").asInt(), l.path("max_workflow_blocks").asInt(),
                l.path("max_queued_tasks").asInt()) : OrgLimits.DEFAULTS;
        return new Organization(text(n, "organization_id"), text(n, "name"), n.path("is_bootstrap").asBoolean(),
                limits, text(n, "webhook_signing_key"), instant(n, "created_at"), instant(n, "modified_at"));
    }

    static ApiKey apiKey(JsonNode n) {
        return new ApiKey(text(n, "api_key_id"), text(n, "organization_id"), text(n, "name"), text(n, "key_prefix"),
                instant(n, "created_at"), instant(n, "last_used_at"), instant(n, "revoked_at"));
    }

    static CreatedApiKey createdApiKey(JsonNode n) {
        return new CreatedApiKey(apiKey(n), text(n, "api_key"));
    }

    static BrowserSessionInfo browserSession(JsonNode n) {
        return new BrowserSessionInfo(text(n, "browser_session_id"), text(n, "status"),
                integer(n, "timeout_minutes"), instant(n, "created_at"), instant(n, "closed_at"), n);
    }

    /** A list response's page from its {@code pagination} block. */
    static <T> Page<T> page(JsonNode data, String itemsField, Function<JsonNode, T> item) {
        JsonNode p = data.path("pagination");
        return new Page<>(list(data.get(itemsField), item), p.path("page").asInt(1), p.path("page_size").asInt(20),
                p.path("total_count").asLong());
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(e -> items.add(item.apply(e)));
        }
        return items;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    static Instant instant(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : Instant.parse(v);
    }

    /** JSON null and absent both read as Java null, as the services store them. */
    static JsonNode json(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v;
    }

    static List<String> strings(JsonNode array) {
        return list(array, e -> e.isTextual() ? e.asText() : e.toString());
    }

    private static Map<String, Object> map(JsonNode n) {
        return n == null || n.isNull() ? Map.of() : Json.mapper().convertValue(n, MAP);
    }

    private static Map<String, String> stringMap(JsonNode n) {
        return n == null || n.isNull() ? Map.of() : Json.mapper().convertValue(n, STRING_MAP);
    }

    static io.skyvern.credential.Credential credential(JsonNode n) {
        List<String> domains = list(n.get("allowed_domains"), JsonNode::asText);
        return new io.skyvern.credential.Credential(text(n, "credential_id"), text(n, "organization_id"),
                text(n, "name"), domains, n.path("has_totp").asBoolean(), instant(n, "created_at"));
    }
}
