package io.skyvern.script;

import java.time.Instant;
import java.util.Objects;

/** A script of an organisation under one cache key; {@code latestVersion} is the one a replay uses. */
public record Script(String scriptId, String organizationId, String cacheKey, int latestVersion, Instant createdAt,
                     Instant modifiedAt) {
    public Script {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(cacheKey, "cacheKey");
    }
}
