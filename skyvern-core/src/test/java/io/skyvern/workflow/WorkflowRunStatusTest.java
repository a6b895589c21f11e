package io.skyvern.workflow;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static io.skyvern.workflow.WorkflowRunStatus.CANCELED;
import static io.skyvern.workflow.WorkflowRunStatus.COMPLETED;
import static io.skyvern.workflow.WorkflowRunStatus.CREATED;
import static io.skyvern.workflow.WorkflowRunStatus.FAILED;
import static io.skyvern.workflow.WorkflowRunStatus.QUEUED;
import static io.skyvern.workflow.WorkflowRunStatus.RUNNING;
import static io.skyvern.workflow.WorkflowRunStatus.TERMINATED;
import static io.skyvern.workflow.WorkflowRunStatus.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowRunStatusTest {

    @Test
    void active_statuses_can_be_canceled_and_finished_ones_cannot() {
        assertThat(CREATED.canTransitionTo(CANCELED)).isTrue();
        assertThat(QUEUED.canTransitionTo(CANCELED)).isTrue();
        assertThat(RUNNING.canTransitionTo(CANCELED)).isTrue();
        for (WorkflowRunStatus finished : EnumSet.of(COMPLETED, FAILED, TERMINATED, CANCELED, TIMED_OUT)) {
            assertThat(finished.isFinal()).as(finished.name()).isTrue();
            for (WorkflowRunStatus next : WorkflowRunStatus.values()) {
                assertThat(finished.canTransitionTo(next)).as(finished + " -> " + next).isFalse();
            }
        }
    }

    @Test
    void the_normal_life_of_a_run_is_allowed() {
        assertThat(CREATED.canTransitionTo(QUEUED)).isTrue();
        assertThat(QUEUED.canTransitionTo(RUNNING)).isTrue();
        assertThat(RUNNING.canTransitionTo(COMPLETED)).isTrue();
        assertThat(RUNNING.canTransitionTo(QUEUED)).as("requeue after a lost lease").isTrue();
        assertThat(QUEUED.canTransitionTo(COMPLETED)).isFalse();
        assertThat(CREATED.canTransitionTo(RUNNING)).isFalse();
        assertThat(QUEUED.canTransitionTo(QUEUED)).isFalse();
        assertThat(EnumSet.of(CREATED, QUEUED, RUNNING)).allSatisfy(s -> assertThat(s.isFinal()).isFalse());
    }

    @Test
    void wire_names_parse_back_and_unknown_names_are_validation_errors() {
        for (WorkflowRunStatus s : WorkflowRunStatus.values()) {
            assertThat(WorkflowRunStatus.parse(s.wireName())).isEqualTo(s);
        }
        assertThat(WorkflowRunStatus.parse(" Timed_Out ")).isEqualTo(TIMED_OUT);
        assertThatThrownBy(() -> WorkflowRunStatus.parse("paused")).isInstanceOfSatisfying(SkyvernException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    }
}
