package io.skyvern.task;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The life of a task. The transition table below is the one place that says which status may
 * follow which; services ask {@link #canTransitionTo} and never compare statuses by hand.
 */
public enum TaskStatus {
    CREATED, QUEUED, RUNNING, COMPLETED, FAILED, TERMINATED, CANCELED, TIMED_OUT;

    private static final Map<TaskStatus, Set<TaskStatus>> TRANSITIONS = Map.of(
            CREATED, EnumSet.of(QUEUED, CANCELED, FAILED),
            QUEUED, EnumSet.of(RUNNING, CANCELED, FAILED, TIMED_OUT),
            // RUNNING -> QUEUED: a run handed back (graceful shutdown, expired lease recovered).
            RUNNING, EnumSet.of(QUEUED, COMPLETED, FAILED, TERMINATED, CANCELED, TIMED_OUT),
            COMPLETED, EnumSet.noneOf(TaskStatus.class),
            FAILED, EnumSet.noneOf(TaskStatus.class),
            TERMINATED, EnumSet.noneOf(TaskStatus.class),
            CANCELED, EnumSet.noneOf(TaskStatus.class),
            TIMED_OUT, EnumSet.noneOf(TaskStatus.class));

    public boolean canTransitionTo(TaskStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Completed, failed, terminated, canceled or timed out: nothing more will happen. */
    public boolean isFinal() {
        return TRANSITIONS.get(this).isEmpty();
    }

    /** Created or queued: not picked up by a worker yet, so the request may still be edited. */
    public boolean isEditable() {
        return this == CREATED || this == QUEUED;
    }

    /** The lowercase name used on the wire, e.g. {@code timed_out}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskStatus parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR, "Unknown task status '" + value
                    + "'; expected one of created, queued, running, completed, failed, terminated, canceled, timed_out");
        }
    }
}
