package io.skyvern.credential;

import java.util.List;
import java.util.Optional;

/**
 * What a client sends to store a credential. {@code totpSecret} is Base32 (6 digits, 30 s, SHA1);
 * {@code allowedDomains} empty means the secrets may be typed on any site. Validated by
 * {@link CredentialService}; {@link #toString} hides the values.
 */
public record NewCredential(String name, String username, String password, Optional<String> totpSecret,
                            List<String> allowedDomains) {
    public NewCredential {
        totpSecret = totpSecret == null ? Optional.empty() : totpSecret;
        allowedDomains = allowedDomains == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(allowedDomains));
    }

    @Override
    public String toString() {
        return "NewCredential[name=" + name + ", allowedDomains=" + allowedDomains + ", secrets hidden]";
    }
}
