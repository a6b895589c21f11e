package io.skyvern.execution;

import io.skyvern.queue.ClaimedRun;
import io.skyvern.queue.RunContext;
import io.skyvern.common.RunPriority;
import io.skyvern.queue.RunRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class QueueRunControlTest {
    static final class FakeContext implements RunContext {
        final AtomicBoolean canceled = new AtomicBoolean();
        final AtomicBoolean lost = new AtomicBoolean();
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public ClaimedRun run() {
            return new ClaimedRun(RunRef.workflowRun("wr_1", "o_1"), "w1", Instant.now(), 1, RunPriority.NORMAL);
        }

        @Override
        public boolean leaseLost() {
            return lost.get();
        }

        @Override
        public boolean cancelRequested() {
            asked.incrementAndGet();
            return canceled.get();
        }
    }

    @Test
    void database_is_asked_at_most_once_per_interval() {
        FakeContext context = new FakeContext();
        QueueRunControl control = new QueueRunControl(context, Optional.empty(), Duration.ofMinutes(1));
        for (int i = 0; i < 50; i++) {
            assertThat(control.cancelRequested()).isFalse();
        }
        assertThat(context.asked.get()).isEqualTo(1);
    }

    @Test
    void a_cancel_once_seen_sticks() {
        FakeContext context = new FakeContext();
        QueueRunControl control = new QueueRunControl(context, Optional.empty(), Duration.ZERO);
        assertThat(control.cancelRequested()).isFalse();
        context.canceled.set(true);
        assertThat(control.cancelRequested()).isTrue();
        context.canceled.set(false);
        assertThat(control.cancelRequested()).isTrue();
        assertThat(context.asked.get()).isEqualTo(2);
    }

    @Test
    void lost_lease_stops_at_once_without_asking_the_database() {
        FakeContext context = new FakeContext();
        Instant deadline = Instant.parse("2026-01-01T00:00:00Z");
        QueueRunControl control = new QueueRunControl(context, Optional.of(deadline), Duration.ofMinutes(1));
        assertThat(control.cancelRequested()).isFalse();
        context.lost.set(true);
        assertThat(control.cancelRequested()).isTrue();
        assertThat(context.asked.get()).isEqualTo(1);
        assertThat(control.deadline()).contains(deadline);
    }
}
