package io.skyvern.task;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    @Test
    void a_slow_count_does_not_hold_up_other_creates_which_use_the_estimate_they_have() throws Exception {
        gate.farBelowCap("o4", 1_000, () -> 10);
        clock.advance(1_000);
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread refresher = new Thread(() -> gate.farBelowCap("o4", 1_000, () -> {
            counting.countDown();
            await(release);
            return 20;
        }));
        refresher.start();
        assertThat(counting.await(5, TimeUnit.SECONDS)).isTrue();
        // While the refresh is under way, others neither wait nor count again.
        AtomicInteger counts = new AtomicInteger();
        long start = System.nanoTime();
        assertThat(gate.farBelowCap("o4", 1_000, () -> { counts.incrementAndGet(); return 10; })).isTrue();
        gate.admitted("o4");
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(counts.get()).isZero();
        release.countDown();
        refresher.join(5_000);
        assertThat(refresher.isAlive()).isFalse();
    }

    @Test
    void admissions_made_while_a_count_runs_are_kept_so_the_estimate_never_undercounts() throws Exception {
        // cap 100, margin 10: the estimate must stay >= the true count
        gate.farBelowCap("o5", 100, () -> 80);
        gate.admitted("o5"); // 81
        clock.advance(1_000);
        // The refresh counts 81; during the count this node admits 9 more (90 in truth).
        gate.farBelowCap("o5", 100, () -> {
            for (int i = 0; i < 9; i++) {
                gate.admitted("o5");
            }
            return 81;
        });
        // 81 counted + 9 admitted during the count = 90: within the margin of 10, so not far below.
        assertThat(gate.farBelowCap("o5", 100, () -> 0)).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
