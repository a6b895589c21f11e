package io.skyvern.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * Identifiers that sort by creation time: 10 characters of milliseconds in Crockford base32
 * followed by 14 random characters (70 bits), so two nodes never collide in practice.
 * Thread-safe.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TimeOrderedIdGenerator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String next(IdPrefix prefix) {
        long millis = clock.millis();
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        StringBuilder sb = new StringBuilder(prefix.prefix().length() + 25);
        sb.append(prefix.prefix()).append('_');
        for (int shift = 45; shift >= 0; shift -= 5) {
            sb.append(ALPHABET[(int) ((millis >>> shift) & 31)]);
        }
        long bits = 0;
        int available = 0;
        int produced = 0;
        for (byte b : bytes) {
            bits = (bits << 8) | (b & 0xff);
            available += 8;
            while (available >= 5 && produced < 14) {
                available -= 5;
                sb.append(ALPHABET[(int) ((bits >>> available) & 31)]);
                produced++;
            }
        }
        return sb.toString();
    }
}
