package io.skyvern.idempotency;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored key: the fingerprint of the request that first used it, and its answer once that
 * request finished (empty while it is still being created).
 */
public record IdempotencyRecord(String organizationId, String key, String fingerprint,
                                Optional<StoredResponse> response, Instant createdAt) {
    public IdempotencyRecord {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
