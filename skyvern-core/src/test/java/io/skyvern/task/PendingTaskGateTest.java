package io.skyvern.task;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PendingTaskGateTest {
    private final MutableClock clock = new MutableClock();
    private final PendingTaskGate gate = new PendingTaskGate(clock, Duration.ofSeconds(1));

    @Test
    void far_below_the_cap_no_exact_check_is_needed_and_counts_are_taken_once_per_interval() {
        AtomicInteger counts = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            assertThat(gate.farBelowCap("o1", 1_000, () -> { counts.incrementAndGet(); return 10; })).isTrue();
            gate.admitted("o1");
        }
        assertThat(counts.get()).isEqualTo(1);
        clock.advance(1_000);
        gate.farBelowCap("o1", 1_000, () -> { counts.incrementAndGet(); return 10; });
        assertThat(counts.get()).isEqualTo(2);
    }

    @Test
    void this_nodes_admissions_move_the_estimate_towards_the_cap() {
        // cap 100, margin 10: far below while the estimate is under 90; from 85, five admissions
        // (85..89) pass and the sixth must take the exact path
        for (int i = 0; i < 5; i++) {
            assertThat(gate.farBelowCap("o1", 100, () -> 85)).isTrue();
            gate.admitted("o1");
        }
        assertThat(gate.farBelowCap("o1", 100, () -> 85)).isFalse();
    }

    @Test
    void small_caps_always_leave_a_margin_of_two() {
        assertThat(gate.farBelowCap("o2", 3, () -> 0)).isTrue();
        gate.admitted("o2");
        assertThat(gate.farBelowCap("o2", 3, () -> 0)).isFalse();
    }

    @Test
    void forgetting_forces_a_fresh_count() {
        AtomicInteger counts = new AtomicInteger();
        gate.farBelowCap("o3", 1_000, () -> { counts.incrementAndGet(); return 0; });
        gate.forget("o3");
        gate.farBelowCap("o3", 1_000, () -> { counts.incrementAndGet(); return 0; });
        assertThat(counts.get()).isEqualTo(2);
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private long millis = 1_000_000;

        void advance(long by) {
            millis += by;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
