package io.skyvern.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The signature of a webhook: lowercase hex HMAC-SHA256 of the exact body bytes, keyed with the
 * organisation's webhook signing key (its UTF-8 bytes). Receivers verify with {@link #verify}.
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "x-skyvern-signature";
    public static final String TIMESTAMP_HEADER = "x-skyvern-timestamp";

    private WebhookSignature() {
    }

    public static String sign(byte[] body, String key) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(key, "key");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** True when {@code signature} (hex, any case) signs {@code body} with {@code key}; constant time. */
    public static boolean verify(byte[] body, String signature, String key) {
        if (body == null || signature == null || key == null) {
            return false;
        }
        byte[] expected = sign(body, key).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
