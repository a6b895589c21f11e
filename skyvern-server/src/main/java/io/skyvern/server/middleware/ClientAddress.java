package io.skyvern.server.middleware;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.skyvern.netpolicy.IpRange;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Decides the client's address once per request and keeps it as a request attribute for the rate
 * limits and the logs: the connection's peer address, unless that peer is one of the configured
 * trusted proxies ({@code SKYVERN_TRUSTED_PROXIES}); then the right-most {@code X-Forwarded-For}
 * entry that is not itself a trusted proxy. Anyone else's X-Forwarded-For is ignored, so a client
 * cannot dodge a per-address limit by inventing addresses. Thread-safe.
 */
public final class ClientAddress implements Handler {
    static final String ATTRIBUTE = "skyvern.clientAddress";
    private final List<IpRange> trusted;

    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(p -> IpRange.parse(p).orElseThrow(() ->
                new IllegalArgumentException("Not an IP address or CIDR range: " + p))).toList();
    }

    /** True when {@code text} is an IP address or a CIDR range. */
    public static boolean isValidRange(String text) {
        return IpRange.parse(text).isPresent();
    }

    @Override
    public void handle(Context ctx) {
        ctx.attribute(ATTRIBUTE, resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")));
    }

    /** The address decided for this request (the peer's if the handler did not run). */
    public static String of(Context ctx) {
        String address = ctx.attribute(ATTRIBUTE);
        return address != null ? address : ctx.req().getRemoteAddr();
    }

    String resolve(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String leftmost = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpRange.literal(hops[i]);
            if (hop.isEmpty()) {
                return leftmost;  // garbage from beyond our proxies: the last address we can vouch for
            }
            String address = hop.get().getHostAddress();
            if (!isTrusted(address)) {
                return address;
            }
            leftmost = address;
        }
        return leftmost;
    }

    private boolean isTrusted(String address) {
        Optional<InetAddress> a = IpRange.literal(address);
        return a.isPresent() && trusted.stream().anyMatch(r -> r.contains(a.get()));
    }
}
