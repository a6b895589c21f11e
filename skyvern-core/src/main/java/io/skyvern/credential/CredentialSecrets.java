package io.skyvern.credential;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The decrypted values of a credential, for a run only; {@link #toString} hides them. */
public record CredentialSecrets(String credentialId, String username, String password, Optional<String> totpSecret,
                                List<String> allowedDomains) {
    public CredentialSecrets {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(totpSecret, "totpSecret");
        allowedDomains = List.copyOf(allowedDomains);
    }

    @Override
    public String toString() {
        return "CredentialSecrets[" + credentialId + ", values hidden]";
    }
}
