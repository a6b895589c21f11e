package io.skyvern.credential;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A stored credential as the API shows it: metadata only, never a secret value. */
public record Credential(String credentialId, String organizationId, String name, List<String> allowedDomains,
                         boolean hasTotp, Instant createdAt) {
    public Credential {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        allowedDomains = List.copyOf(allowedDomains);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
