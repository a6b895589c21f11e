package io.skyvern.client;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunWatchTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void completes_with_the_first_final_value_read() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        RunWatch<Integer> watch = RunWatch.start(reads::incrementAndGet, n -> n >= 3, Duration.ofMillis(5),
                Duration.ofMillis(20));

        assertThat(watch.future().get(10, TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void a_wake_reads_again_at_once_rather_than_at_the_next_poll() throws Exception {
        AtomicInteger state = new AtomicInteger();
        RunWatch<Integer> watch = RunWatch.start(state::get, n -> n == 1, HOUR, HOUR);
        Thread.sleep(100);
        assertThat(watch.future()).isNotDone();

        state.set(1);
        watch.wake();

        assertThat(watch.future().get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void not_found_ends_the_wait_with_that_error_and_unavailable_is_retried() throws Exception {
        RunWatch<Integer> missing = RunWatch.start(() -> {
            throw new SkyvernException(ErrorCode.TASK_NOT_FOUND, "Task tsk_x not found");
        }, n -> true, Duration.ofMillis(5), Duration.ofMillis(5));
        assertThatThrownBy(() -> missing.future().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TASK_NOT_FOUND));

        AtomicInteger reads = new AtomicInteger();
        RunWatch<Integer> flaky = RunWatch.start(() -> {
            if (reads.incrementAndGet() < 3) {
                throw new SkyvernException(ErrorCode.SERVICE_UNAVAILABLE, "server restarting");
            }
            return 7;
        }, n -> true, Duration.ofMillis(5), Duration.ofMillis(5));
        assertThat(flaky.future().get(10, TimeUnit.SECONDS)).isEqualTo(7);
    }

    @Test
    void await_past_its_timeout_throws_the_callers_error_and_stops_watching() {
        RunWatch<String> watch = RunWatch.start(() -> "running", s -> false, Duration.ofMillis(5), Duration.ofMillis(5));
        CompletableFuture<String> future = watch.future();

        assertThatThrownBy(() -> RunWatch.await(future, Duration.ofMillis(50), () -> "running",
                s -> new SkyvernException(ErrorCode.TASK_NOT_FINISHED, "still " + s)))
                .isInstanceOfSatisfying(SkyvernException.class, e -> assertThat(e.getMessage()).isEqualTo("still running"));
        assertThat(future).isCancelled();
    }
}
