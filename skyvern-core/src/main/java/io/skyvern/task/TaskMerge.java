package io.skyvern.task;

import java.time.Instant;

/** Applies a partial update to a stored task and re-validates the result as a whole request. */
final class TaskMerge {
    private TaskMerge() {
    }

    static Task merge(Task t, UpdateTaskRequest u, TaskValidator validator, Instant now) {
        CreateTaskRequest merged = new CreateTaskRequest(
                pick(u.url(), t.url()), pick(u.title(), t.title()), pick(u.navigationGoal(), t.navigationGoal()),
                pick(u.dataExtractionGoal(), t.dataExtractionGoal()),
                pick(u.navigationPayload(), t.navigationPayload()),
                pick(u.extractedInformationSchema(), t.extractedInformationSchema()),
                pick(u.errorCodeMapping(), t.errorCodeMapping()),
                pick(u.webhookCallbackUrl(), t.webhookCallbackUrl()), pick(u.maxSteps(), t.maxSteps()),
                t.browserSessionId(), t.priority());
        validator.validate(merged);
        return new Task(t.taskId(), t.organizationId(), t.status(), t.priority(), merged.url(), merged.title(),
                merged.navigationGoal(), merged.dataExtractionGoal(), jsonOrNull(merged.navigationPayload()),
                jsonOrNull(merged.extractedInformationSchema()), merged.errorCodeMapping(),
                merged.webhookCallbackUrl(), merged.maxSteps(), t.browserSessionId(), t.workflowRunId(),
                t.extractedInformation(), t.failureReason(), t.createdAt(), now, t.startedAt(), t.completedAt(),
                t.runMode(), t.cacheKey(), t.scriptId(), t.scriptVersion(), t.login());
    }

    private static <T> T pick(T update, T current) {
        return update != null ? update : current;
    }

    private static com.fasterxml.jackson.databind.JsonNode jsonOrNull(com.fasterxml.jackson.databind.JsonNode n) {
        return n == null || n.isNull() ? null : n;
    }
}
