package io.skyvern.totp;

import java.time.Instant;
import java.util.Objects;

/** A one-time code pushed to the API, as the API shows it: never the code itself. */
public record PushedCode(String totpCodeId, String organizationId, String totpIdentifier, Instant createdAt,
                         Instant expiresAt) {
    public PushedCode {
        Objects.requireNonNull(totpCodeId, "totpCodeId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(totpIdentifier, "totpIdentifier");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
