package io.skyvern.server.middleware;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key (per client IP for requests without a key): {@code perMinute}
 * requests, refilled greedily. Refused requests are 429 RATE_LIMIT_EXCEEDED with Retry-After.
 * /health and /metrics are exempt so that probes never starve.
 */
public final class RateLimitHandler implements Handler {
    private static final Set<String> EXEMPT = Set.of("/health", "/metrics");
    // Bound memory under a flood of distinct keys/IPs: past this many buckets, start over.
    private static final int MAX_BUCKETS = 100_000;
    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimitHandler(int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    public void handle(Context ctx) {
        if (EXEMPT.contains(ctx.path()) || "OPTIONS".equalsIgnoreCase(ctx.req().getMethod())) {
            return;
        }
        String keyHash = ApiKeyHash.of(ctx);
        String bucketKey = keyHash.equals("-") ? "ip:" + ClientAddress.of(ctx) : "key:" + keyHash;
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(bucketKey, k -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        ctx.header("X-Rate-Limit-Remaining", String.valueOf(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            ctx.header("Retry-After", String.valueOf(retryAfter));
            throw new SkyvernException(ErrorCode.RATE_LIMIT_EXCEEDED, "Rate limit exceeded", java.util.List.of(),
                    Map.of("retry_after", retryAfter, "limit_per_minute", perMinute), null);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }
}
