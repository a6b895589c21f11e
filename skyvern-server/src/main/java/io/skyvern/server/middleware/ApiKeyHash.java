package io.skyvern.server.middleware;

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
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
