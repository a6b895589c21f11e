package io.skyvern.execution;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadlines of runs: they fire, a cancelled one is gone at once, and an idle thread ends. */
class RunDeadlinesTest {

    @Test
    void a_deadline_fires_its_action() throws Exception {
        RunDeadlines deadlines = new RunDeadlines(Duration.ofSeconds(1));
        CountDownLatch fired = new CountDownLatch(1);

        deadlines.after(Duration.ofMillis(10), fired::countDown);

        assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_cancelled_deadline_leaves_nothing_pending() {
        RunDeadlines deadlines = new RunDeadlines(Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            Future<?> timer = deadlines.after(Duration.ofMinutes(30), () -> {
            });
            timer.cancel(false);
        }

        assertThat(deadlines.pending()).isZero();
    }

    @Test
    void the_thread_ends_once_nothing_is_pending() throws Exception {
        RunDeadlines deadlines = new RunDeadlines(Duration.ofMillis(50));
        deadlines.after(Duration.ofMinutes(30), () -> {
        }).cancel(false);
        assertThat(deadlines.threads()).isEqualTo(1);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (deadlines.threads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(deadlines.threads()).isZero();
    }
}
