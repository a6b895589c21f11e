package io.skyvern.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When and how long to wait before trying an LLM call again. Transient failures (429, 5xx,
 * timeouts, broken connections) are retried up to {@code maxAttempts} attempts in total with
 * exponential backoff and jitter; a server's {@code Retry-After} is honoured up to
 * {@code maxRetryAfter}, because a provider that names its own wait knows better than our guess,
 * while an absurd value must not park a run for an hour.
 *
 * @param maxAttempts   attempts in total, including the first (1 = no retry)
 * @param baseDelay     the wait before the second attempt, before jitter
 * @param maxDelay      the largest computed backoff
 * @param maxRetryAfter the largest wait taken from a {@code Retry-After} header
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    /** 3 attempts, 1 s then 2 s (with jitter), at most 20 s, Retry-After capped at 30 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1),
            Duration.ofSeconds(20), Duration.ofSeconds(30));

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, maxRetryAfter);
    }

    /**
     * The wait after failed attempt number {@code attempt} (1-based).
     *
     * @param retryAfter the server's Retry-After, if it sent one
     * @param random     a value in [0, 1) — the jitter source, a parameter so this stays pure
     */
    public Duration backoff(int attempt, Optional<Duration> retryAfter, double random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based, was " + attempt);
        }
        if (retryAfter.isPresent() && !retryAfter.get().isNegative()) {
            return retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter.get();
        }
        long base = baseDelay.toMillis();
        int shift = Math.min(attempt - 1, 30);
        long exponential = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        long capped = Math.min(exponential, maxDelay.toMillis());
        // "Equal jitter": half fixed, half random, so concurrent runs that failed together spread
        // out without any of them retrying immediately.
        double r = Math.max(0, Math.min(random, 1));
        return Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * r));
    }

    /** Parses a Retry-After header given in seconds; HTTP dates and junk yield empty. */
    public static Optional<Duration> parseRetryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(header.get().trim());
            if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis((long) Math.min(seconds * 1000, Long.MAX_VALUE / 2.0)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
