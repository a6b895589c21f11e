package io.skyvern.auth;

import java.time.Instant;

/**
 * An API key's metadata. The key itself is never stored: only its SHA-256 hash, and a short
 * prefix so that people can tell their keys apart.
 */
public record ApiKey(String apiKeyId, String organizationId, String name, String keyPrefix,
                     Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    public boolean isRevoked() {
        return revokedAt != null;
    }
}
