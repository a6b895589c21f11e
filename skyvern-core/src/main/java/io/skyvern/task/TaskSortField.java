package io.skyvern.task;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.util.Locale;

/** The fields a task list can be sorted by (spec: TaskSortField). */
public enum TaskSortField {
    CREATED_AT, MODIFIED_AT, COMPLETED_AT, STATUS, URL, NAVIGATION_GOAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskSortField parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR, "sort_by must be one of created_at, modified_at, "
                    + "completed_at, status, url, navigation_goal (got '" + value + "')");
        }
    }
}
