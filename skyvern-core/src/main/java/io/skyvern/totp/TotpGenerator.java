package io.skyvern.totp;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Objects;

/**
 * RFC 6238 time-based one-time codes (HOTP of RFC 4226 over the count of {@code period}-second
 * windows since the epoch). Implemented here rather than taken from a library: it is thirty lines
 * over the JDK's HMAC, the RFC's own test vectors check it (TotpGeneratorTest), and it spares a
 * dependency whose Base32 and clock handling we would have to wrap anyway. {@link #codeToType}
 * gives the next window's code when the current one is about to end, so the code the agent types
 * is still valid when the site checks it. Immutable and thread-safe; {@link #toString} hides the key.
 */
public final class TotpGenerator {
    /** When less than this is left of the current window, the next window's code is typed. */
    public static final long MIN_SECONDS_LEFT = 5;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final byte[] key;
    private final int digits;
    private final int periodSeconds;
    private final TotpAlgorithm algorithm;

    public TotpGenerator(byte[] key, int digits, int periodSeconds, TotpAlgorithm algorithm) {
        if (Objects.requireNonNull(key, "key").length == 0) {
            throw new IllegalArgumentException("the secret is empty");
        }
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6, 7 or 8");
        }
        if (periodSeconds < 1 || periodSeconds > 3600) {
            throw new IllegalArgumentException("period must be 1 to 3600 seconds");
        }
        this.key = key.clone();
        this.digits = digits;
        this.periodSeconds = periodSeconds;
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    /** The usual authenticator settings: 6 digits, 30 s, SHA1. */
    public static TotpGenerator of(String base32Secret) {
        return new TotpGenerator(Base32.decode(base32Secret), 6, 30, TotpAlgorithm.SHA1);
    }

    /** The code of the window that holds {@code at}. */
    public String codeAt(Instant at) {
        return codeForCounter(Math.floorDiv(at.getEpochSecond(), periodSeconds));
    }

    /** The code valid at {@code now}, or the next window's when less than 5 s of this one remain. */
    public String codeToType(Instant now) {
        long left = periodSeconds - Math.floorMod(now.getEpochSecond(), periodSeconds);
        return left < MIN_SECONDS_LEFT && periodSeconds > MIN_SECONDS_LEFT
                ? codeAt(now.plusSeconds(left)) : codeAt(now);
    }

    String codeForCounter(long counter) {
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(key, "RAW"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            String code = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - code.length()) + code;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.macName() + " is not available", e);
        }
    }

    public int digits() {
        return digits;
    }

    public int periodSeconds() {
        return periodSeconds;
    }

    @Override
    public String toString() {
        return "TotpGenerator[" + digits + " digits, " + periodSeconds + " s, " + algorithm + "]";
    }
}
