package io.skyvern.netpolicy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a URL the product is asked to reach may be reached: the browser's navigations
 * (and every redirect of them), http_request blocks, webhooks and TOTP URLs all ask this one
 * class, so a target refused in one path is refused in all. Rules, in order:
 * <ol>
 *   <li>only http and https, with a host;</li>
 *   <li>cloud metadata endpoints ({@code 169.254.169.254}, {@code fd00:ec2::254}, ECS's
 *       {@code 169.254.170.2}, Alibaba's {@code 100.100.100.200}) are refused always: they hand
 *       out the host's cloud credentials, and no automation has a reason to read them;</li>
 *   <li>unless private networks are allowed ({@code SKYVERN_ALLOW_PRIVATE_NETWORK}), every
 *       address the host resolves to must be public: not loopback, private (10/8, 172.16/12,
 *       192.168/16, fc00::/7), link-local, carrier-grade NAT, unspecified, multicast or
 *       reserved; a host that does not resolve is refused too.</li>
 * </ol>
 * The host's addresses are resolved here (DNS), so a public name pointing at an internal address
 * is refused like the address itself. Limitation: the client that then connects resolves the
 * name again, so a DNS server answering differently the second time (rebinding) is not stopped.
 * Immutable, thread-safe.
 */
public final class NetworkPolicy {
    /** Public addresses only (the default). */
    public static final NetworkPolicy PUBLIC_ONLY = new NetworkPolicy(false);
    /** Private networks allowed too; metadata endpoints still refused. */
    public static final NetworkPolicy PRIVATE_ALLOWED = new NetworkPolicy(true);

    private static final List<IpRange> METADATA = List.of("169.254.169.254", "169.254.170.2", "100.100.100.200",
            "fd00:ec2::254").stream().map(a -> IpRange.parse(a).orElseThrow()).toList();

    private final boolean allowPrivateNetwork;

    private NetworkPolicy(boolean allowPrivateNetwork) {
        this.allowPrivateNetwork = allowPrivateNetwork;
    }

    public static NetworkPolicy allowingPrivateNetwork(boolean allow) {
        return allow ? PRIVATE_ALLOWED : PUBLIC_ONLY;
    }

    public boolean allowsPrivateNetwork() {
        return allowPrivateNetwork;
    }

    /** Why {@code url} may not be reached, or empty when it may (resolves its host). */
    public Optional<String> refusal(String url) {
        if (url == null) {
            return Optional.of("no URL");
        }
        try {
            return refusal(URI.create(url.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.of("invalid URL");
        }
    }

    /** Why {@code uri} may not be reached, or empty when it may (resolves its host). */
    public Optional<String> refusal(URI uri) {
        if (uri == null || uri.getScheme() == null) {
            return Optional.of("URL has no scheme");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs are allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("URL has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = IpRange.literal(host).map(a -> new InetAddress[] {a}).orElse(null);
            if (addresses == null) {
                addresses = InetAddress.getAllByName(host);
            }
        } catch (UnknownHostException e) {
            // Nothing to reach when private networks are allowed (the request fails by itself).
            return allowPrivateNetwork ? Optional.empty() : Optional.of("host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return Optional.of("host " + host + " " + refused.get());
            }
        }
        return Optional.empty();
    }

    /** Why this address may not be reached, or empty. */
    public Optional<String> refusal(InetAddress address) {
        if (isMetadata(address)) {
            return Optional.of("is a cloud metadata endpoint (always refused)");
        }
        if (!allowPrivateNetwork && isPrivate(address)) {
            return Optional.of("resolves to a non-public address (set SKYVERN_ALLOW_PRIVATE_NETWORK=true to allow "
                    + "private networks)");
        }
        return Optional.empty();
    }

    /** True for the cloud metadata endpoints, also in their IPv4-mapped IPv6 forms. */
    public static boolean isMetadata(InetAddress a) {
        InetAddress v4 = embeddedV4(a).orElse(a);
        return METADATA.stream().anyMatch(r -> r.contains(v4) || r.contains(a));
    }

    /** True for every address that is not public (loopback, private, link-local, reserved…). */
    public static boolean isPrivate(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress()
                || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                          // 0.0.0.0/8 "this network"
                    || (first == 100 && second >= 64 && second <= 127) // 100.64.0.0/10 CGNAT
                    || (first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15 benchmarking
                    || first >= 240;                                   // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            return (first & 0xfe) == 0xfc                              // fc00::/7 unique local
                    || embeddedV4(a).map(NetworkPolicy::isPrivate).orElse(false);
        }
        return false;
    }

    /** The IPv4 address inside ::ffff:a.b.c.d and ::a.b.c.d forms that Java keeps as IPv6. */
    private static Optional<InetAddress> embeddedV4(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length != 16) {
            return Optional.empty();
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return Optional.empty();
            }
        }
        boolean mapped = (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
        if (!mapped) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return allowPrivateNetwork ? "NetworkPolicy[private networks allowed]" : "NetworkPolicy[public only]";
    }
}
