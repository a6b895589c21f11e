package io.skyvern.totp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The HMAC of RFC 6238: SHA1 (what nearly every site uses), SHA256 or SHA512. */
public enum TotpAlgorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    private final String macName;

    TotpAlgorithm(String macName) {
        this.macName = macName;
    }

    String macName() {
        return macName;
    }

    /** SHA1, sha-256, HmacSHA512… in any case. */
    public static Optional<TotpAlgorithm> parse(String name) {
        String n = name.toUpperCase(Locale.ROOT).replace("HMAC", "").replace("-", "");
        return Arrays.stream(values()).filter(a -> a.name().equals(n)).findFirst();
    }
}
