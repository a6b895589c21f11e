package io.skyvern.server.login;

import io.skyvern.credential.Credential;

import java.time.Instant;
import java.util.List;

/** A credential on the wire: metadata only; no secret value is ever part of it. */
public record CredentialResponse(String credentialId, String organizationId, String name,
                                 List<String> allowedDomains, boolean hasTotp, Instant createdAt) {
    public static CredentialResponse of(Credential c) {
        return new CredentialResponse(c.credentialId(), c.organizationId(), c.name(), c.allowedDomains(),
                c.hasTotp(), c.createdAt());
    }
}
