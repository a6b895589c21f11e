package io.skyvern.totp;

import java.util.Locale;

/** One spelling per identifier: email addresses in lower case, phone numbers without separators. */
public final class TotpIdentifiers {
    private TotpIdentifiers() {
    }

    public static String normalize(String identifier) {
        String t = identifier.trim();
        return t.contains("@") ? t.toLowerCase(Locale.ROOT) : t.replaceAll("[\\s().-]", "");
    }
}
