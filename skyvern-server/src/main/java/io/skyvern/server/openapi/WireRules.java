package io.skyvern.server.openapi;

import io.skyvern.artifact.ArtifactType;
import io.skyvern.common.RunPriority;
import io.skyvern.task.StepStatus;
import io.skyvern.task.TaskStatus;
import io.skyvern.workflow.WorkflowRunStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the record types alone cannot tell the OpenAPI document: which string fields of a record take one of a closed set of
 * values (a query parameter says so where its route declares it, {@code Param.oneOf}). The values come from the core enums (their wire names are the lower-case constant
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

    private WireRules() {
    }

    static Optional<List<String>> fieldEnum(Class<?> record, String property) {
        return Optional.ofNullable(FIELD_ENUMS.get(record.getSimpleName() + "." + property));
    }

    private static List<String> wire(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
