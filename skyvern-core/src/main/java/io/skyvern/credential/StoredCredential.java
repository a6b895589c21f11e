package io.skyvern.credential;

import java.util.Objects;

/** A credential row: its metadata and the AEAD ciphertext of its secret values. */
public record StoredCredential(Credential credential, String ciphertext) {
    public StoredCredential {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }
}
