package io.skyvern.totp;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Reads a TOTP generator from its JSON description {@code {"totp_secret": BASE32, "digits": 6,
 * "period": 30, "algorithm": "SHA1"}} (only the secret is required), as a navigation payload entry
 * or a credential holds it. Error messages never quote the secret.
 */
public final class TotpSpec {
    public static final String SECRET_FIELD = "totp_secret";

    private TotpSpec() {
    }

    /** True for an object with a {@code totp_secret} field: a code generator, not plain user data. */
    public static boolean isSpec(JsonNode node) {
        return node != null && node.isObject() && node.has(SECRET_FIELD);
    }

    /** The generator, or IllegalArgumentException saying what is wrong (never the secret). */
    public static TotpGenerator parse(JsonNode spec) {
        JsonNode secret = spec.get(SECRET_FIELD);
        if (secret == null || !secret.isTextual() || secret.asText().isBlank()) {
            throw new IllegalArgumentException("totp_secret must be a Base32 string");
        }
        int digits = integer(spec, "digits", 6, 6, 8);
        int period = integer(spec, "period", 30, 1, 3600);
        TotpAlgorithm algorithm = Optional.ofNullable(spec.get("algorithm")).filter(JsonNode::isTextual)
                .map(JsonNode::asText).map(a -> TotpAlgorithm.parse(a).orElseThrow(() ->
                        new IllegalArgumentException("algorithm must be SHA1, SHA256 or SHA512")))
                .orElseGet(() -> {
                    if (spec.has("algorithm") && !spec.get("algorithm").isNull()) {
                        throw new IllegalArgumentException("algorithm must be SHA1, SHA256 or SHA512");
                    }
                    return TotpAlgorithm.SHA1;
                });
        return new TotpGenerator(Base32.decode(secret.asText()), digits, period, algorithm);
    }

    /** Why the spec is unusable, or empty when it is fine. */
    public static Optional<String> problem(JsonNode spec) {
        try {
            parse(spec);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * A copy of the payload whose TOTP generators show {@code "totp_secret": "***"}: what API
     * responses and webhook bodies carry, so the secret leaves the process only in the browser.
     */
    public static JsonNode hideSecrets(JsonNode payload) {
        if (payload == null || !payload.toString().contains(SECRET_FIELD)) {
            return payload;
        }
        JsonNode copy = payload.deepCopy();
        hide(copy);
        return copy;
    }

    private static void hide(JsonNode node) {
        if (isSpec(node)) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).put(SECRET_FIELD, "***");
        }
        if (node != null && node.isContainerNode()) {
            node.forEach(TotpSpec::hide);
        }
    }

    private static int integer(JsonNode spec, String field, int fallback, int min, int max) {
        JsonNode v = spec.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw new IllegalArgumentException(field + " must be an integer from " + min + " to " + max);
        }
        return v.asInt();
    }
}
