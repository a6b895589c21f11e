package io.skyvern.server.openapi;

import io.skyvern.artifact.ArtifactType;
import io.skyvern.common.RunPriority;
import io.skyvern.common.SortOrder;
import io.skyvern.task.StepStatus;
import io.skyvern.task.TaskSortField;
import io.skyvern.task.TaskStatus;
import io.skyvern.workflow.WorkflowRunStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the record types alone cannot tell the OpenAPI document: which string fields and query parameters take one of a closed set of
 * values. The values come from the core enums (their wire names are the lower-case constant
 * names), so a new status shows up in the document without an edit here.
 */
final class WireRules {
    private static final Map<String, List<String>> FIELD_ENUMS = Map.ofEntries(
            Map.entry("TaskResponse.status", wire(TaskStatus.values())),
            Map.entry("TaskResponse.priority", wire(RunPriority.values())),
            Map.entry("CreateTaskBody.priority", wire(RunPriority.values())),
            Map.entry("StartRunBody.priority", wire(RunPriority.values())),
            Map.entry("WorkflowRunResponse.status", wire(WorkflowRunStatus.values())),
            Map.entry("WorkflowRunResponse.priority", wire(RunPriority.values())),
            Map.entry("StepResponse.status", wire(StepStatus.values())),
            Map.entry("ArtifactResponse.artifact_type", wire(ArtifactType.values())));

    private static final Map<String, List<String>> QUERY_ENUMS = Map.of(
            "/api/v1/tasks status", wire(TaskStatus.values()),
            "/api/v1/tasks sort_by", wire(TaskSortField.values()),
            "/api/v1/tasks sort_order", wire(SortOrder.values()),
            "/api/v1/tasks/{task_id}/steps status_filter", wire(StepStatus.values()),
            "/api/v1/workflows/{workflow_id}/runs status", wire(WorkflowRunStatus.values()));

    private WireRules() {
    }

    static Optional<List<String>> fieldEnum(Class<?> record, String property) {
        return Optional.ofNullable(FIELD_ENUMS.get(record.getSimpleName() + "." + property));
    }

    static Optional<List<String>> queryEnum(String path, String parameter) {
        return Optional.ofNullable(QUERY_ENUMS.get(path + " " + parameter));
    }

    private static List<String> wire(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
