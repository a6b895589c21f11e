package io.skyvern.task;

import java.time.Instant;
import java.util.Map;

/**
 * The specification's task analytics: task, step, action, resource metrics and error analysis.
 * Each group is a map of metric name (snake_case) to number or string, as the spec shows them.
 */
public record TaskAnalytics(String taskId, Map<String, Object> taskMetrics, Map<String, Object> stepMetrics,
                            Map<String, Object> actionMetrics, Map<String, Object> resourceMetrics,
                            Map<String, Object> errorAnalysis, Instant generatedAt) {
}
