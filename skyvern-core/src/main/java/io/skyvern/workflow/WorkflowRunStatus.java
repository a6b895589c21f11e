package io.skyvern.workflow;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The life of a workflow run; the transition table is the one place that decides. */
public enum WorkflowRunStatus {
    CREATED, QUEUED, RUNNING, COMPLETED, FAILED, TERMINATED, CANCELED, TIMED_OUT;

    private static final Map<WorkflowRunStatus, Set<WorkflowRunStatus>> TRANSITIONS = Map.of(
            CREATED, EnumSet.of(QUEUED, CANCELED, FAILED),
            QUEUED, EnumSet.of(RUNNING, CANCELED, FAILED, TIMED_OUT),
            RUNNING, EnumSet.of(QUEUED, COMPLETED, FAILED, TERMINATED, CANCELED, TIMED_OUT),
            COMPLETED, EnumSet.noneOf(WorkflowRunStatus.class),
            FAILED, EnumSet.noneOf(WorkflowRunStatus.class),
            TERMINATED, EnumSet.noneOf(WorkflowRunStatus.class),
            CANCELED, EnumSet.noneOf(WorkflowRunStatus.class),
            TIMED_OUT, EnumSet.noneOf(WorkflowRunStatus.class));

    public boolean canTransitionTo(WorkflowRunStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public boolean isFinal() {
        return TRANSITIONS.get(this).isEmpty();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WorkflowRunStatus parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR, "Unknown workflow run status '" + value
                    + "'; expected one of created, queued, running, completed, failed, terminated, canceled, timed_out");
        }
    }
}
