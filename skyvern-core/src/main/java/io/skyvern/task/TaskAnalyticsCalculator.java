package io.skyvern.task;

import io.skyvern.artifact.Artifact;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the specification's task analytics from a task's rows. Done in Java rather than in one
 * SQL join because the specification's join of steps × actions × artifacts multiplies counts; a
 * task has at most a few hundred steps, so loading them is cheap. Pure and thread-safe.
 */
final class TaskAnalyticsCalculator {
    private TaskAnalyticsCalculator() {
    }

    static TaskAnalytics compute(Task task, List<Step> steps, List<ActionRecord> actions,
                                 List<Artifact> artifacts, Instant now) {
        return new TaskAnalytics(task.taskId(), taskMetrics(task, steps, actions, artifacts), stepMetrics(steps),
                actionMetrics(actions), resourceMetrics(artifacts), errorAnalysis(steps, actions), now);
    }

    static Map<String, Object> taskMetrics(Task task, List<Step> steps, List<ActionRecord> actions,
                                           List<Artifact> artifacts) {
        long completed = steps.stream().filter(s -> s.status() == StepStatus.COMPLETED).count();
        long failed = steps.stream().filter(s -> s.status() == StepStatus.FAILED).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", task.status().wireName());
        m.put("total_duration_seconds", task.completedAt() == null ? null
                : seconds(Duration.between(task.createdAt(), task.completedAt())));
        m.put("total_steps", steps.size());
        m.put("completed_steps", completed);
        m.put("failed_steps", failed);
        m.put("success_rate", steps.isEmpty() ? 0.0 : round2(100.0 * completed / steps.size()));
        m.put("total_actions", actions.size());
        m.put("total_artifacts", artifacts.size());
        m.put("actions_per_step", steps.isEmpty() ? 0.0 : round2((double) actions.size() / steps.size()));
        return m;
    }

    static Map<String, Object> stepMetrics(List<Step> steps) {
        List<Double> durations = steps.stream()
                .filter(s -> s.startedAt() != null && s.completedAt() != null)
                .map(s -> seconds(Duration.between(s.startedAt(), s.completedAt())))
                .sorted().toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("average_step_duration_seconds", durations.isEmpty() ? 0.0
                : round2(durations.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        m.put("median_step_duration_seconds", round2(median(durations)));
        m.put("max_step_duration_seconds", durations.isEmpty() ? 0.0 : durations.get(durations.size() - 1));
        m.put("total_input_tokens", steps.stream().mapToLong(Step::inputTokens).sum());
        m.put("total_output_tokens", steps.stream().mapToLong(Step::outputTokens).sum());
        m.put("total_cost", round6(steps.stream().mapToDouble(Step::cost).sum()));
        m.put("average_llm_ms", steps.isEmpty() ? 0.0 : round2(steps.stream().mapToLong(Step::llmMs).average().orElse(0)));
        return m;
    }

    static Map<String, Object> actionMetrics(List<ActionRecord> actions) {
        long failed = actions.stream().filter(a -> "failed".equalsIgnoreCase(a.status())).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total_actions", actions.size());
        m.put("actions_by_type", countBy(actions, ActionRecord::actionType));
        m.put("actions_by_status", countBy(actions, ActionRecord::status));
        m.put("failed_actions", failed);
        m.put("failure_rate", actions.isEmpty() ? 0.0 : round2(100.0 * failed / actions.size()));
        m.put("average_action_duration_ms", actions.isEmpty() ? 0.0
                : round2(actions.stream().mapToLong(ActionRecord::durationMs).average().orElse(0)));
        return m;
    }

    static Map<String, Object> resourceMetrics(List<Artifact> artifacts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("screenshots_count", artifacts.stream().filter(a -> a.artifactType().isScreenshot()).count());
        m.put("total_artifacts", artifacts.size());
        m.put("total_artifact_bytes", artifacts.stream().mapToLong(Artifact::sizeBytes).sum());
        m.put("artifacts_by_type", countBy(artifacts, a -> a.artifactType().wireName()));
        return m;
    }

    static Map<String, Object> errorAnalysis(List<Step> steps, List<ActionRecord> actions) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Long> stepReasons = countBy(steps.stream()
                .filter(s -> s.status() == StepStatus.FAILED).toList(),
                s -> Objects.requireNonNullElse(s.failureReason(), "(no reason)"));
        Map<String, Long> actionErrors = countBy(actions.stream()
                .filter(a -> "failed".equalsIgnoreCase(a.status())).toList(),
                a -> Objects.requireNonNullElse(a.resultMessage(), "(no message)"));
        m.put("failed_steps", stepReasons.values().stream().mapToLong(Long::longValue).sum());
        m.put("step_failure_reasons", stepReasons);
        m.put("failed_actions", actionErrors.values().stream().mapToLong(Long::longValue).sum());
        m.put("action_errors", actionErrors);
        return m;
    }

    private static <T> Map<String, Long> countBy(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    static double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return 0.0;
        }
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static double round6(double v) {
        return Math.round(v * 1_000_000.0) / 1_000_000.0;
    }
}
