package io.skyvern.script;

import java.util.Locale;

/** Small helpers to write Java source text: string literals and constant names. Stateless. */
final class JavaSource {
    private JavaSource() {
    }

    /** {@code text} as a Java string literal (quotes, escapes, non-ASCII as unicode escapes). */
    static String literal(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A constant name for a payload key: {@code login.user-name} → {@code LOGIN_USER_NAME}. */
    static String constantName(String key) {
        String name = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_")
                .replaceAll("^_+|_+$", "").toUpperCase(Locale.ROOT);
        return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "VALUE_" + name : name;
    }

    /** A comment line's text, without anything that could end the comment or the line. */
    static String comment(String text) {
        return text.replace("*/", "* /").replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    }
}
