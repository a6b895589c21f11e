package io.skyvern.workflow;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsCalculatorTest {

    @Test
    void no_runs_give_zeros_not_errors() {
        Map<String, Object> m = AnalyticsCalculator.runMetrics(Map.of(), List.of());
        assertThat(m).containsEntry("total_runs", 0L).containsEntry("finished_runs", 0L)
                .containsEntry("success_rate", 0.0).containsEntry("avg_duration_seconds", 0.0)
                .containsEntry("median_duration_seconds", 0.0).containsEntry("max_duration_seconds", 0.0);
    }

    @Test
    void median_of_an_even_count_is_the_mean_of_the_middle_two_and_running_runs_do_not_count_as_finished() {
        Map<String, Object> m = AnalyticsCalculator.runMetrics(
                Map.of(WorkflowRunStatus.COMPLETED, 3L, WorkflowRunStatus.CANCELED, 1L, WorkflowRunStatus.RUNNING, 2L),
                List.of(Duration.ofSeconds(40), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMillis(2500)));
        assertThat(m).containsEntry("total_runs", 6L).containsEntry("finished_runs", 4L)
                .containsEntry("success_rate", 75.0).containsEntry("median_duration_seconds", 2.75)
                .containsEntry("max_duration_seconds", 40.0).containsEntry("avg_duration_seconds", 11.625);
    }

    @Test
    void block_metrics_have_failure_rates() {
        Map<String, Object> m = AnalyticsCalculator.blockMetrics(List.of(new BlockRunStats("open", "navigation", 4, 1)));
        assertThat(m.get("open")).isEqualTo(Map.of("block_type", "navigation", "runs", 4L, "failures", 1L,
                "failure_rate", 0.25));
    }
}
