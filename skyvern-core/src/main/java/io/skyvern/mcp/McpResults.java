package io.skyvern.mcp;

import io.skyvern.task.Task;
import io.skyvern.workflow.Workflow;
import io.skyvern.workflow.WorkflowRun;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the tools answer, as JSON-ready maps. The navigation payload is left out: it may hold
 * secrets, and an assistant does not need them back.
 */
final class McpResults {
    private McpResults() {
    }

    static Map<String, Object> task(Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task_id", t.taskId());
        m.put("status", t.status().wireName());
        m.put("url", t.url());
        m.put("title", t.title());
        m.put("navigation_goal", t.navigationGoal());
        m.put("data_extraction_goal", t.dataExtractionGoal());
        m.put("extracted_information", t.extractedInformation());
        m.put("failure_reason", t.failureReason());
        m.put("workflow_run_id", t.workflowRunId());
        m.put("created_at", String.valueOf(t.createdAt()));
        m.put("completed_at", t.completedAt() == null ? null : t.completedAt().toString());
        return m;
    }

    static Map<String, Object> workflow(Workflow w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workflow_id", w.workflowId());
        m.put("title", w.title());
        m.put("description", w.description());
        m.put("version", w.version());
        m.put("is_active", w.active());
        m.put("parameter_schema", w.parameterSchema());
        return m;
    }

    static Map<String, Object> run(WorkflowRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workflow_run_id", r.workflowRunId());
        m.put("workflow_id", r.workflowId());
        m.put("status", r.status().wireName());
        m.put("output", r.output());
        m.put("failure_reason", r.failureReason());
        m.put("created_at", String.valueOf(r.createdAt()));
        return m;
    }
}
