package io.skyvern.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses callback URLs that would make the server call into its own network: loopback,
 * link-local (cloud metadata at 169.254.169.254), private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * carrier-grade NAT, unspecified and multicast addresses, and schemes other than http(s). Every
 * address the host resolves to must be public. Off when {@code allowPrivateNetwork} (self-hosted
 * setups whose receivers live on the LAN, and tests on loopback).
 *
 * <p>Limitation: the HTTP client resolves the name again when it connects, so a DNS server that
 * answers differently the second time (rebinding) is not stopped here.
 */
public final class SsrfGuard {
    private final boolean allowPrivateNetwork;

    public SsrfGuard(boolean allowPrivateNetwork) {
        this.allowPrivateNetwork = allowPrivateNetwork;
    }

    /** Why the URL may not be called, or empty when it may. */
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
        if (allowPrivateNetwork) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isPrivate(address)) {
                    return Optional.of("host " + host + " resolves to a non-public address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " cannot be resolved");
        }
        return Optional.empty();
    }

    /** True for every address a webhook must not reach unless private networks are allowed. */
    public static boolean isPrivate(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress()
                || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                  // 0.0.0.0/8 "this network"
                    || (first == 100 && second >= 64 && second <= 127) // 100.64.0.0/10 CGNAT
                    || (first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15 benchmarking
                    || first >= 240;                           // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            return (first & 0xfe) == 0xfc                      // fc00::/7 unique local
                    || isEmbeddedPrivateV4(b);
        }
        return false;
    }

    /** ::ffff:a.b.c.d and ::a.b.c.d forms that Java does not already turn into IPv4 addresses. */
    private static boolean isEmbeddedPrivateV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        boolean mapped = (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
        if (!mapped) {
            return false;
        }
        try {
            return isPrivate(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
