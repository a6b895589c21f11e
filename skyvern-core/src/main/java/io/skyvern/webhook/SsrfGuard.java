package io.skyvern.webhook;

import io.skyvern.netpolicy.NetworkPolicy;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * The webhook sender's view of the {@link NetworkPolicy} (kept for callers of the library): the
 * same rules as browser navigation and http_request blocks. Thread-safe.
 */
public final class SsrfGuard {
    private final NetworkPolicy policy;

    public SsrfGuard(boolean allowPrivateNetwork) {
        this.policy = NetworkPolicy.allowingPrivateNetwork(allowPrivateNetwork);
    }

    /** Why the URL may not be called, or empty when it may. */
    public Optional<String> refusal(URI uri) {
        return policy.refusal(uri);
    }

    /** True for every address a webhook must not reach unless private networks are allowed. */
    public static boolean isPrivate(InetAddress a) {
        return NetworkPolicy.isPrivate(a);
    }
}
