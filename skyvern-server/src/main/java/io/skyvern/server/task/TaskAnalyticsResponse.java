package io.skyvern.server.task;

import io.skyvern.task.TaskAnalytics;

import java.time.Instant;
import java.util.Map;

/** The specification's task analytics on the wire. */
public record TaskAnalyticsResponse(String taskId, Map<String, Object> taskMetrics, Map<String, Object> stepMetrics,
                                    Map<String, Object> actionMetrics, Map<String, Object> resourceMetrics,
                                    Map<String, Object> errorAnalysis, Instant generatedAt) {
    static TaskAnalyticsResponse of(TaskAnalytics a) {
        return new TaskAnalyticsResponse(a.taskId(), a.taskMetrics(), a.stepMetrics(), a.actionMetrics(),
                a.resourceMetrics(), a.errorAnalysis(), a.generatedAt());
    }
}
