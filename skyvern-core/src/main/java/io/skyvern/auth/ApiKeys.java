package io.skyvern.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Making, hashing and comparing secrets: API keys and webhook signing keys. */
final class ApiKeys {
    static final String KEY_PREFIX = "sk_";
    static final String WEBHOOK_PREFIX = "whsec_";
    /** How many leading characters of a key are stored in the clear so people can tell keys apart. */
    static final int SHOWN_PREFIX_LENGTH = 8;
    static final int MIN_PRESET_LENGTH = 16;
    private static final int RANDOM_BYTES = 32;

    private final SecureRandom random;

    ApiKeys(SecureRandom random) {
        this.random = random;
    }

    String newApiKey() {
        return KEY_PREFIX + randomToken();
    }

    String newWebhookSigningKey() {
        return WEBHOOK_PREFIX + randomToken();
    }

    private String randomToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String shownPrefix(String plaintext) {
        return plaintext.substring(0, Math.min(SHOWN_PREFIX_LENGTH, plaintext.length()));
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes. */
    static String hash(String plaintext) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Constant-time equality, so that timing does not tell how much of a hash matched. */
    static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
