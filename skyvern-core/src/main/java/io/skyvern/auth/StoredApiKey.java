package io.skyvern.auth;

import java.util.Objects;

/**
 * An API key as persisted: its metadata and the SHA-256 hex hash of the plaintext. The hash is
 * not a secret in the way the key is, but it is still kept out of {@code toString}.
 */
public record StoredApiKey(ApiKey apiKey, String keyHash) {
    public StoredApiKey {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(keyHash, "keyHash");
        if (keyHash.length() != 64) {
            throw new IllegalArgumentException("keyHash must be 64 hex characters");
        }
    }

    @Override
    public String toString() {
        return "StoredApiKey[apiKey=" + apiKey + ", keyHash=<hidden>]";
    }
}
