package io.skyvern.workflow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns run counts, durations and block statistics into the analytics maps. Pure. */
final class AnalyticsCalculator {
    private AnalyticsCalculator() {
    }

    static Map<String, Object> runMetrics(Map<WorkflowRunStatus, Long> counts, List<Duration> durations) {
        Map<String, Object> byStatus = new LinkedHashMap<>();
        long total = 0;
        long finished = 0;
        for (WorkflowRunStatus status : WorkflowRunStatus.values()) {
            long n = counts.getOrDefault(status, 0L);
            byStatus.put(status.wireName(), n);
            total += n;
            finished += status.isFinal() ? n : 0;
        }
        long completed = counts.getOrDefault(WorkflowRunStatus.COMPLETED, 0L);
        List<Double> seconds = durations.stream().map(d -> d.toMillis() / 1000.0).sorted().toList();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("total_runs", total);
        metrics.put("runs_by_status", byStatus);
        metrics.put("finished_runs", finished);
        // Success rate over finished runs only: queued or running ones have no outcome yet. A percentage
        // rounded to 2 decimals, the unit of a task's success_rate.
        metrics.put("success_rate", finished == 0 ? 0.0 : Math.round(10_000.0 * completed / finished) / 100.0);
        metrics.put("avg_duration_seconds", seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0.0));
        metrics.put("median_duration_seconds", median(seconds));
        metrics.put("max_duration_seconds", seconds.isEmpty() ? 0.0 : seconds.get(seconds.size() - 1));
        return metrics;
    }

    static Map<String, Object> blockMetrics(List<BlockRunStats> stats) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (BlockRunStats s : stats) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("block_type", s.blockType());
            one.put("runs", s.runs());
            one.put("failures", s.failures());
            one.put("failure_rate", s.runs() == 0 ? 0.0 : (double) s.failures() / s.runs());
            metrics.put(s.blockId(), one);
        }
        return metrics;
    }

    private static double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return 0.0;
        }
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
