package io.skyvern.queue;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StartEstimateTest {
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void a_run_starts_now_while_a_worker_is_free() {
        assertThat(StartEstimate.of(now, 1, 2, 0)).isEqualTo(now);
        assertThat(StartEstimate.of(now, 2, 2, 0)).isEqualTo(now);
        assertThat(StartEstimate.of(now, 1, 2, 1)).isEqualTo(now);
    }

    @Test
    void a_run_waits_a_round_per_worker_load_ahead_of_it() {
        assertThat(StartEstimate.of(now, 1, 2, 2)).isEqualTo(now.plus(StartEstimate.TYPICAL_RUN));
        assertThat(StartEstimate.of(now, 3, 2, 0)).isEqualTo(now.plus(StartEstimate.TYPICAL_RUN));
        assertThat(StartEstimate.of(now, 5, 2, 2)).isEqualTo(now.plus(StartEstimate.TYPICAL_RUN.multipliedBy(3)));
        assertThat(StartEstimate.of(now, 1, 0, 0)).isEqualTo(now.plus(StartEstimate.TYPICAL_RUN));
    }
}
