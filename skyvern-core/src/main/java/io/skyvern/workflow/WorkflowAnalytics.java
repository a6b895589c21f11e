package io.skyvern.workflow;

import java.time.Instant;
import java.util.Map;

/** Run counts by status, durations, success rate and per-block failure counts of one workflow. */
public record WorkflowAnalytics(String workflowId, Map<String, Object> runMetrics, Map<String, Object> blockMetrics,
                                Instant generatedAt) {
}
