package io.skyvern.task;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.skyvern.task.TaskStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskStatusTest {
    private static final Map<TaskStatus, Set<TaskStatus>> EXPECTED = Map.of(
            CREATED, EnumSet.of(QUEUED, CANCELED, FAILED),
            QUEUED, EnumSet.of(RUNNING, CANCELED, FAILED, TIMED_OUT),
            RUNNING, EnumSet.of(QUEUED, COMPLETED, FAILED, TERMINATED, CANCELED, TIMED_OUT),
            COMPLETED, EnumSet.noneOf(TaskStatus.class),
            FAILED, EnumSet.noneOf(TaskStatus.class),
            TERMINATED, EnumSet.noneOf(TaskStatus.class),
            CANCELED, EnumSet.noneOf(TaskStatus.class),
            TIMED_OUT, EnumSet.noneOf(TaskStatus.class));

    @Test
    void transition_table_is_exactly_the_specified_one() {
        for (TaskStatus from : TaskStatus.values()) {
            for (TaskStatus to : TaskStatus.values()) {
                assertThat(from.canTransitionTo(to)).as(from + " -> " + to).isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }

    @Test
    void no_status_transitions_to_itself_or_back_to_created() {
        for (TaskStatus s : TaskStatus.values()) {
            assertThat(s.canTransitionTo(s)).isFalse();
            assertThat(s.canTransitionTo(CREATED)).isFalse();
        }
    }

    @Test
    void final_statuses_are_the_five_ends() {
        assertThat(EnumSet.allOf(TaskStatus.class).stream().filter(TaskStatus::isFinal))
                .containsExactlyInAnyOrder(COMPLETED, FAILED, TERMINATED, CANCELED, TIMED_OUT);
    }

    @Test
    void only_created_and_queued_are_editable_and_everything_unfinished_is_cancelable() {
        for (TaskStatus s : TaskStatus.values()) {
            assertThat(s.isEditable()).as(s.name()).isEqualTo(s == CREATED || s == QUEUED);
            assertThat(s.canTransitionTo(CANCELED)).as(s.name()).isEqualTo(!s.isFinal());
        }
    }

    @Test
    void wire_names_round_trip_and_unknown_is_a_validation_error() {
        for (TaskStatus s : TaskStatus.values()) {
            assertThat(TaskStatus.parse(s.wireName())).isEqualTo(s);
        }
        assertThat(TaskStatus.parse(" Timed_Out ")).isEqualTo(TIMED_OUT);
        assertThatThrownBy(() -> TaskStatus.parse("done")).isInstanceOf(SkyvernException.class)
                .extracting(e -> ((SkyvernException) e).errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR);
    }
}
