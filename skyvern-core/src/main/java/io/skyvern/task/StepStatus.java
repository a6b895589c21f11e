package io.skyvern.task;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.util.Locale;

/** The life of one agent step. */
public enum StepStatus {
    CREATED, RUNNING, COMPLETED, FAILED, CANCELED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepStatus parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR,
                    "Unknown step status '" + value + "'; expected one of created, running, completed, failed, canceled");
        }
    }
}
