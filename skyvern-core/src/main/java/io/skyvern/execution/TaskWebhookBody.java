package io.skyvern.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.skyvern.common.Json;
import io.skyvern.task.Task;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a task's webhook: the task in the same snake_case shape as the API's task response
 * (without steps, artifacts or logs), serialised once so that the signed bytes are the sent bytes.
 */
public final class TaskWebhookBody {
    private TaskWebhookBody() {
    }

    public static Map<String, Object> fields(Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task_id", t.taskId());
        m.put("organization_id", t.organizationId());
        m.put("status", t.status().wireName());
        m.put("priority", t.priority().wireName());
        m.put("url", t.url());
        m.put("title", t.title());
        m.put("navigation_goal", t.navigationGoal());
        m.put("data_extraction_goal", t.dataExtractionGoal());
        m.put("navigation_payload", io.skyvern.totp.TotpSpec.hideSecrets(t.navigationPayload()));
        m.put("extracted_information_schema", t.extractedInformationSchema());
        m.put("error_code_mapping", t.errorCodeMapping());
        m.put("webhook_callback_url", t.webhookCallbackUrl());
        m.put("max_steps", t.maxSteps());
        m.put("browser_session_id", t.browserSessionId());
        m.put("workflow_run_id", t.workflowRunId());
        m.put("extracted_information", t.extractedInformation());
        m.put("failure_reason", t.failureReason());
        m.put("created_at", t.createdAt());
        m.put("modified_at", t.modifiedAt());
        m.put("started_at", t.startedAt());
        m.put("completed_at", t.completedAt());
        return m;
    }

    public static byte[] of(Task task) {
        try {
            return Json.mapper().writeValueAsBytes(fields(task));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A task always serialises", e);
        }
    }
}
