package io.skyvern.queue;

import io.skyvern.common.RunPriority;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueueCandidateTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static QueueCandidate c(RunKind kind, String id, RunPriority p, int secondsAfter) {
        return new QueueCandidate(new RunRef(kind, id, "o_1"), p.rank(), T0.plusSeconds(secondsAfter), 0);
    }

    @Test
    void most_urgent_first_then_oldest_across_both_kinds() {
        List<QueueCandidate> list = new ArrayList<>(List.of(
                c(RunKind.TASK, "tsk_low_old", RunPriority.LOW, 0),
                c(RunKind.WORKFLOW_RUN, "wr_normal_new", RunPriority.NORMAL, 9),
                c(RunKind.TASK, "tsk_urgent_new", RunPriority.URGENT, 10),
                c(RunKind.WORKFLOW_RUN, "wr_normal_old", RunPriority.NORMAL, 1),
                c(RunKind.TASK, "tsk_normal_mid", RunPriority.NORMAL, 5)));
        list.sort(QueueCandidate.CLAIM_ORDER);
        assertThat(list).extracting(x -> x.ref().id()).containsExactly(
                "tsk_urgent_new", "wr_normal_old", "tsk_normal_mid", "wr_normal_new", "tsk_low_old");
    }

    @Test
    void task_wins_a_tie_with_a_workflow_run_then_smaller_id() {
        List<QueueCandidate> list = new ArrayList<>(List.of(
                c(RunKind.WORKFLOW_RUN, "wr_a", RunPriority.HIGH, 3),
                c(RunKind.TASK, "tsk_b", RunPriority.HIGH, 3),
                c(RunKind.TASK, "tsk_a", RunPriority.HIGH, 3)));
        list.sort(QueueCandidate.CLAIM_ORDER);
        assertThat(list).extracting(x -> x.ref().id()).containsExactly("tsk_a", "tsk_b", "wr_a");
    }
}
