package io.skyvern.server.middleware;

import io.javalin.http.Context;
import io.skyvern.server.http.RequestAttributes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The first 12 hex digits of an API key's SHA-256: enough to tell keys apart in logs, useless to an attacker. */
public final class ApiKeyHash {
    private ApiKeyHash() {
    }

    public static String of(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return "-";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * The hash of the key this request presents ({@code "-"} when none), computed once per request
     * and kept on the context: the rate limit and the access log both need it.
     */
    public static String of(Context ctx) {
        String hash = ctx.attribute(RequestAttributes.API_KEY_HASH);
        if (hash == null) {
            hash = of(RequestAttributes.presentedApiKey(ctx));
            ctx.attribute(RequestAttributes.API_KEY_HASH, hash);
        }
        return hash;
    }
}
