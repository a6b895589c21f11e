package io.skyvern.server.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.skyvern.auth.ApiKey;
import io.skyvern.auth.CreatedApiKey;

import java.time.Instant;

/** API key metadata; {@code api_key} (the plaintext) appears only in the answer that created it. */
public record ApiKeyResponse(String apiKeyId, String organizationId, String name, String keyPrefix,
                             Instant createdAt, Instant lastUsedAt, Instant revokedAt,
                             @JsonProperty("is_revoked") boolean isRevoked,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String apiKey) {
    static ApiKeyResponse of(ApiKey k) {
        return new ApiKeyResponse(k.apiKeyId(), k.organizationId(), k.name(), k.keyPrefix(), k.createdAt(),
                k.lastUsedAt(), k.revokedAt(), k.isRevoked(), null);
    }

    static ApiKeyResponse of(CreatedApiKey created) {
        ApiKey k = created.apiKey();
        return new ApiKeyResponse(k.apiKeyId(), k.organizationId(), k.name(), k.keyPrefix(), k.createdAt(),
                k.lastUsedAt(), k.revokedAt(), k.isRevoked(), created.plaintextKey());
    }
}
