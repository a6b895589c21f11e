package io.skyvern.login;

import java.time.Duration;
import java.util.Objects;

/**
 * How long {@code {{totp}}} waits for a code (SKYVERN_TOTP_WAIT_SECONDS), how often a
 * totp_verification_url is polled (SKYVERN_TOTP_POLL_SECONDS), and whether that URL may be on a
 * private network (SKYVERN_ALLOW_PRIVATE_NETWORK).
 */
public record LoginOptions(Duration codeWait, Duration pollInterval, boolean allowPrivateNetwork) {
    public static final LoginOptions DEFAULTS = new LoginOptions(Duration.ofSeconds(300), Duration.ofSeconds(10), false);

    public LoginOptions {
        Objects.requireNonNull(codeWait, "codeWait");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }
}
