package io.skyvern.server.http;

/**
 * Cancellation reasons end up in a failure_reason column of at most 10,000 characters; a longer
 * one is refused here (422) instead of failing in the database (500).
 */
public final class CancelReasons {
    public static final int MAX_LENGTH = 2000;

    private CancelReasons() {
    }

    public static void check(String reason) {
        if (reason != null && reason.length() > MAX_LENGTH) {
            throw RequestValidationException.of("reason", "At most " + MAX_LENGTH + " characters");
        }
    }
}
