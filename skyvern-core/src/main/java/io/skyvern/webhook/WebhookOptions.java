package io.skyvern.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhooks are sent: attempts in all (3), the backoff before the second attempt (doubling
 * after), the timeout of one attempt, and whether private networks may be called.
 */
public record WebhookOptions(int maxAttempts, Duration baseBackoff, Duration timeout, boolean allowPrivateNetwork) {
    public static final WebhookOptions DEFAULTS = new WebhookOptions(3, Duration.ofSeconds(1), Duration.ofSeconds(10), false);

    public WebhookOptions {
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(timeout, "timeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        if (baseBackoff.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("backoff must be >= 0 and timeout > 0");
        }
    }

    /** The pause before attempt {@code attempt} (2, 3, …): base, 2 × base, 4 × base… */
    public Duration backoffBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        return baseBackoff.multipliedBy(1L << Math.min(attempt - 2, 20));
    }

    /** 429 and 5xx are worth another attempt; other answers are final. */
    public static boolean isRetryable(int statusCode) {
        return statusCode == 429 || statusCode >= 500;
    }

    public static boolean isSuccess(int statusCode) {
        return statusCode >= 200 && statusCode < 300;
    }
}
