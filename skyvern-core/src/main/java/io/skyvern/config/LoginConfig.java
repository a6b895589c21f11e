package io.skyvern.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Logins: the credential encryption key (base64 of 32 bytes; empty means the data dir's key file),
 * how long {@code {{totp}}} waits for a pushed or polled code, and how often a
 * totp_verification_url is polled. {@link #toString} never shows the key.
 */
public record LoginConfig(String encryptionKey, Duration totpWait, Duration totpPollInterval) {
    public static final LoginConfig DEFAULTS = new LoginConfig("", Duration.ofSeconds(300), Duration.ofSeconds(10));

    public LoginConfig {
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        Objects.requireNonNull(totpWait, "totpWait");
        Objects.requireNonNull(totpPollInterval, "totpPollInterval");
    }

    @Override
    public String toString() {
        return "LoginConfig[encryptionKey=" + (encryptionKey.isEmpty() ? "(data dir file)" : "<hidden>")
                + ", totpWait=" + totpWait + ", totpPollInterval=" + totpPollInterval + "]";
    }
}
