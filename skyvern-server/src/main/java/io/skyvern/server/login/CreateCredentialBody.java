package io.skyvern.server.login;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.skyvern.credential.NewCredential;

import java.util.List;
import java.util.Optional;

/** The body of POST /api/v1/credentials; {@link #toString} hides the secret values. */
public record CreateCredentialBody(@JsonProperty(required = true) String name,
                                   @JsonProperty(required = true) String username,
                                   @JsonProperty(required = true) String password, String totpSecret,
                                   List<String> allowedDomains) {
    NewCredential toRequest() {
        return new NewCredential(name, username, password, Optional.ofNullable(totpSecret),
                allowedDomains == null ? List.of() : allowedDomains);
    }

    @Override
    public String toString() {
        return "CreateCredentialBody[name=" + name + ", secrets hidden]";
    }
}
