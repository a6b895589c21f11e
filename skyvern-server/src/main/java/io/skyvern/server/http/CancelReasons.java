package io.skyvern.server.http;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.util.List;

/**
 * Cancellation reasons end up in a failure_reason column of at most 10,000 characters; a longer
 * one is refused here (400 VALIDATION_FAILED: a rule, the reason is a string as the schema asks)
 * instead of failing in the database (500).
 */
public final class CancelReasons {
    public static final int MAX_LENGTH = 2000;

    private CancelReasons() {
    }

    public static void check(String reason) {
        if (reason != null && reason.length() > MAX_LENGTH) {
            throw new SkyvernException(ErrorCode.VALIDATION_FAILED, "Invalid cancel reason",
                    List.of("reason: at most " + MAX_LENGTH + " characters"));
        }
    }
}
