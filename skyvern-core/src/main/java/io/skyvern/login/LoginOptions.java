package io.skyvern.login;

import io.skyvern.netpolicy.NetworkPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * How long {@code {{totp}}} waits for a code (SKYVERN_TOTP_WAIT_SECONDS), how often a
 * totp_verification_url is polled (SKYVERN_TOTP_POLL_SECONDS), and whether that URL may be on a
 * private network: the product's one {@link NetworkPolicy} (SKYVERN_ALLOW_PRIVATE_NETWORK).
 */
public record LoginOptions(Duration codeWait, Duration pollInterval, NetworkPolicy networkPolicy) {
    public static final LoginOptions DEFAULTS = new LoginOptions(Duration.ofSeconds(300), Duration.ofSeconds(10),
            NetworkPolicy.PUBLIC_ONLY);

    public LoginOptions {
        Objects.requireNonNull(codeWait, "codeWait");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(networkPolicy, "networkPolicy");
    }
}
