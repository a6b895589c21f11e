package io.skyvern.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.common.Json;
import io.skyvern.workflow.WorkflowRun;

import java.time.Instant;

/**
 * The webhook body of a finished workflow run: the run as the API shows it (snake_case, wire
 * names for status and priority, ISO-8601 times).
 */
final class WorkflowRunPayload {
    private WorkflowRunPayload() {
    }

    static ObjectNode json(WorkflowRun r) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("workflow_run_id", r.workflowRunId());
        n.put("workflow_id", r.workflowId());
        n.put("workflow_version", r.workflowVersion());
        n.put("status", r.status().wireName());
        n.put("priority", r.priority().wireName());
        n.set("parameters", r.parameters());
        n.set("output", r.output());
        n.put("failure_reason", r.failureReason());
        n.put("webhook_callback_url", r.webhookCallbackUrl());
        n.put("max_execution_time_minutes", r.maxExecutionTimeMinutes());
        n.put("browser_session_id", r.browserSessionId());
        n.put("created_at", text(r.createdAt()));
        n.put("modified_at", text(r.modifiedAt()));
        n.put("started_at", text(r.startedAt()));
        n.put("completed_at", text(r.completedAt()));
        return n;
    }

    static byte[] bytes(WorkflowRun r) {
        try {
            return Json.mapper().writeValueAsBytes(json(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A run must always serialise", e);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
