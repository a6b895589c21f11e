package io.skyvern.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The Standard Webhooks signature (standardwebhooks.com) that every delivery carries next to
 * {@code x-skyvern-signature}: {@code webhook-id} (stable across the retries of one delivery, so a
 * receiver can drop duplicates), {@code webhook-timestamp} (unix seconds of the attempt) and
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}. Because the timestamp
 * is signed, a receiver that refuses old timestamps ({@link #DEFAULT_TOLERANCE}) cannot be fed a
 * captured delivery later. The HMAC key is the UTF-8 bytes of the organisation's webhook signing
 * key exactly as {@code GET /api/v1/organizations/me} shows it (not a {@code whsec_} base64
 * secret). {@link #verify} is what a Java receiver calls. Stateless, thread-safe.
 */
public final class StandardWebhooks {
    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    /** How far a receiver should let a timestamp be from its own clock, either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooks() {
    }

    /** The {@code webhook-signature} value: {@code v1,} and the base64 HMAC of {@code id.timestamp.body}. */
    public static String sign(String id, long timestamp, byte[] body, String key) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(key, "key");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * True when one of the space-separated signatures in {@code signatureHeader} is a valid
     * {@code v1} signature of this id, timestamp and body, and the timestamp is within
     * {@code tolerance} of {@code now}. Constant-time comparison; false for anything malformed.
     */
    public static boolean verify(String id, String timestamp, byte[] body, String signatureHeader, String key,
                                 Instant now, Duration tolerance) {
        if (id == null || timestamp == null || body == null || signatureHeader == null || key == null
                || now == null || tolerance == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(id, seconds, body, key).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : signatureHeader.trim().split(" +")) {
            match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }
}
