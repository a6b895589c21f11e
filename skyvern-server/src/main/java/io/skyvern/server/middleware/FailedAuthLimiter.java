package io.skyvern.server.middleware;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications (a presented key that is wrong or revoked) per client address,
 * whatever key was presented: a token bucket of {@code perMinute} failures. Once an address has
 * used its failures up, every request of it that presents a key is refused with 429 and
 * Retry-After before the key is even looked at, so guessing keys from one address is as slow as
 * the limit, however the guesses vary. The per-key limit alone counted each guessed key apart.
 * Thread-safe.
 */
public final class FailedAuthLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(FailedAuthLimiter.class);
    private static final int MAX_ADDRESSES = 100_000;
    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public FailedAuthLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Seconds until {@code address} may try a key again, or empty when it may now. */
    public OptionalLong blockedFor(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket == null) {
            return OptionalLong.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (probe.canBeConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    /** Notes a failed authentication of {@code address}. */
    public void failed(String address) {
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.clear();
        }
        buckets.computeIfAbsent(address, a -> Bucket.builder()
                .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build())
                .tryConsume(1);
    }

    /** The 429 for a blocked address; logs the address (never the key). */
    public SkyvernException refusal(String address, long retryAfterSeconds) {
        LOG.warn("Too many failed authentications from {}: refusing its keys for {} s", address, retryAfterSeconds);
        return new SkyvernException(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many failed authentications", List.of(),
                Map.of("retry_after", retryAfterSeconds, "failed_authentications_per_minute", perMinute), null);
    }
}
