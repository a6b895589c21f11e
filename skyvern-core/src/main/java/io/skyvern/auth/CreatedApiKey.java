package io.skyvern.auth;

/** A new key: its metadata and the plaintext, which is shown this once and never again. */
public record CreatedApiKey(ApiKey apiKey, String plaintextKey) {
    @Override
    public String toString() {
        return "CreatedApiKey[apiKey=" + apiKey + ", plaintextKey=<hidden>]";
    }
}
