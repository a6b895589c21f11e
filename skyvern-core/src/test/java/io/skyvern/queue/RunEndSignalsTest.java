package io.skyvern.queue;

import io.skyvern.common.RunPriority;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunEndSignalsTest {

    private static RunContext context(String runId) {
        ClaimedRun run = new ClaimedRun(RunRef.task(runId, "o_1"), "w1", Instant.now(), 1, RunPriority.NORMAL);
        return new RunContext() {
            @Override
            public ClaimedRun run() {
                return run;
            }

            @Override
            public boolean leaseLost() {
                return false;
            }

            @Override
            public boolean handedBack() {
                return false;
            }

            @Override
            public boolean cancelRequested() {
                return false;
            }
        };
    }

    @Test
    void listeners_of_a_run_hear_when_its_executor_returns_or_throws_and_others_do_not() throws Exception {
        RunEndSignals signals = new RunEndSignals();
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        signals.subscribe("tsk_a", a::incrementAndGet);
        signals.subscribe("tsk_b", b::incrementAndGet);

        signals.around(c -> { }).execute(context("tsk_a"));
        assertThatThrownBy(() -> signals.around(c -> {
            throw new IllegalStateException("boom");
        }).execute(context("tsk_a"))).hasMessage("boom");

        assertThat(a).hasValue(2);
        assertThat(b).hasValue(0);
    }

    @Test
    void an_unsubscribed_listener_hears_nothing() throws Exception {
        RunEndSignals signals = new RunEndSignals();
        AtomicInteger heard = new AtomicInteger();
        Runnable listener = heard::incrementAndGet;
        signals.subscribe("tsk_a", listener);
        signals.unsubscribe("tsk_a", listener);

        signals.around(c -> { }).execute(context("tsk_a"));

        assertThat(heard).hasValue(0);
    }
}
