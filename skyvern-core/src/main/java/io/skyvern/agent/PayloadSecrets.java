package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.common.Json;
import io.skyvern.totp.TotpGenerator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Keeps secrets of a run away from the model, the artifacts and the logs. Values whose key names a
 * secret (password, secret, token, otp, pin, cvv, api_key…) are replaced by placeholders such as
 * {@code {{secret:login.password}}} in what the model sees; a payload object with a
 * {@code totp_secret} becomes {@code {{totp:KEY}}}; a credential adds
 * {@code {{secret:credential.username}}}, {@code {{secret:credential.password}}} and
 * {@code {{totp:credential}}}; a run with pushed or polled codes adds {@code {{totp}}}. The model
 * types the placeholder and {@link #forTyping} puts the real value in only when the action runs,
 * on a page whose host the secret allows. {@link #redact} removes real values (and the codes typed)
 * from any text that leaves the process. Thread-safe; the codes typed are remembered per run.
 */
public final class PayloadSecrets {
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|passphrase|pwd|secret|token|otp|totp|mfa|pin|cvv|cvc|api[_-]?key|apikey|"
                    + "private[_-]?key|credential|ssn|card[_-]?number|security[_-]?code).*");
    /** The placeholder of codes pushed to the API or pulled from the run's URL. */
    public static final String ONE_TIME_CODE = "{{totp}}";
    private static final PayloadSecrets NONE = new PayloadSecrets(null, Map.of(), Map.of(), Map.of(), List.of(),
            Optional.empty(), Clock.systemUTC());

    private final JsonNode maskedPayload;
    /** placeholder → real value. */
    private final Map<String, String> secrets;
    private final Map<String, TotpGenerator> generators;
    /** placeholder → the domains it may be typed on (absent: anywhere). */
    private final Map<String, List<String>> domains;
    /** real text → placeholder, longest first: what {@link #redact} replaces. */
    private final List<Map.Entry<String, String>> redactions;
    private final Optional<OneTimeCodes> codes;
    private final Clock clock;
    private final List<String> typedCodes = new CopyOnWriteArrayList<>();

    private PayloadSecrets(JsonNode maskedPayload, Map<String, String> secrets, Map<String, TotpGenerator> generators,
                           Map<String, List<String>> domains, List<String> redactOnly, Optional<OneTimeCodes> codes,
                           Clock clock) {
        this.maskedPayload = maskedPayload;
        this.secrets = Map.copyOf(secrets);
        this.generators = Map.copyOf(generators);
        this.domains = Map.copyOf(domains);
        this.codes = codes;
        this.clock = clock;
        List<Map.Entry<String, String>> r = new ArrayList<>();
        secrets.forEach((placeholder, value) -> r.add(Map.entry(value, placeholder)));
        redactOnly.forEach(value -> r.add(Map.entry(value, "{{secret}}")));
        r.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        this.redactions = List.copyOf(r);
    }

    public static PayloadSecrets none() {
        return NONE;
    }

    /** Finds the secrets of a payload (null or non-object payloads have none). */
    public static PayloadSecrets of(JsonNode payload) {
        return builder(payload).build();
    }

    /** A payload's secrets plus a credential's and one-time codes. */
    public static Builder builder(JsonNode payload) {
        return new Builder(payload);
    }

    /** True when the key name marks a secret value. */
    public static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key).matches();
    }

    static String secretPlaceholder(String path) {
        return "{{secret:" + path + "}}";
    }

    static String totpPlaceholder(String path) {
        return "{{totp:" + path + "}}";
    }

    /** The payload as the model may see it (secrets replaced); null when there is no payload. */
    public JsonNode maskedPayload() {
        return maskedPayload;
    }

    public boolean isEmpty() {
        return secrets.isEmpty() && generators.isEmpty() && codes.isEmpty();
    }

    /** Puts real static values in place of placeholders (upload paths); ignores domains and codes. */
    public String substitute(String text) {
        if (text == null || secrets.isEmpty() || !text.contains("{{secret:")) {
            return text;
        }
        String result = text;
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            result = result.replace(secret.getKey(), secret.getValue());
        }
        return result;
    }

    /**
     * The text to type into a field of the page at {@code pageUrl}: every placeholder resolved, or
     * a refusal when a secret is limited to other domains or no one-time code came. May block while
     * waiting for a pushed or polled code.
     */
    public SecretTyping forTyping(String text, String pageUrl) {
        if (text == null || !text.contains("{{")) {
            return new SecretTyping.Ready(text == null ? "" : text);
        }
        for (String placeholder : placeholdersIn(text)) {
            List<String> allowed = domains.getOrDefault(placeholder, List.of());
            if (!SecretDomains.allows(allowed, pageUrl)) {
                return new SecretTyping.Refused("Refused to type " + placeholder + " here: it may be typed only on "
                        + String.join(", ", allowed) + " and this page is on "
                        + SecretDomains.host(pageUrl).orElse("no host") + " (phishing guard)");
            }
        }
        String result = substitute(text);
        for (Map.Entry<String, TotpGenerator> g : generators.entrySet()) {
            if (result.contains(g.getKey())) {
                String code = g.getValue().codeToType(clock.instant());
                typedCodes.add(code);
                result = result.replace(g.getKey(), code);
            }
        }
        if (result.contains("{{totp:")) {
            return new SecretTyping.Refused("The one-time code placeholder in this text has no usable totp_secret");
        }
        if (result.contains(ONE_TIME_CODE)) {
            if (codes.isEmpty()) {
                return new SecretTyping.Refused("No one-time code source: the run names no totp_identifier or "
                        + "totp_verification_url");
            }
            SecretTyping next = codes.get().next();
            if (next instanceof SecretTyping.Ready code) {
                typedCodes.add(code.text());
                result = result.replace(ONE_TIME_CODE, code.text());
            } else {
                return next;
            }
        }
        return new SecretTyping.Ready(result);
    }

    private List<String> placeholdersIn(String text) {
        List<String> found = new ArrayList<>();
        secrets.keySet().stream().filter(text::contains).forEach(found::add);
        generators.keySet().stream().filter(text::contains).forEach(found::add);
        return found;
    }

    /** Replaces any real secret value (and any code typed in this run) in text by its placeholder. */
    public String redact(String text) {
        if (text == null || (redactions.isEmpty() && typedCodes.isEmpty())) {
            return text;
        }
        String result = text;
        for (Map.Entry<String, String> r : redactions) {
            result = result.replace(r.getKey(), r.getValue());
        }
        for (String code : typedCodes) {
            result = result.replace(code, "{{totp}}");
        }
        return result;
    }

    @Override
    public String toString() {
        return "PayloadSecrets[" + secrets.size() + " secret(s), " + generators.size() + " code generator(s)"
                + (codes.isPresent() ? ", one-time codes" : "") + "]";
    }

    /** Collects a run's secrets; not thread-safe, used once. */
    public static final class Builder {
        private final JsonNode payload;
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private final Map<String, TotpGenerator> generators = new LinkedHashMap<>();
        private final Map<String, List<String>> domains = new LinkedHashMap<>();
        private final List<String> redactOnly = new ArrayList<>();
        private final Map<String, String> extraFields = new LinkedHashMap<>();
        private Optional<OneTimeCodes> codes = Optional.empty();
        private Clock clock = Clock.systemUTC();

        private Builder(JsonNode payload) {
            this.payload = payload == null || payload.isNull() ? null : payload;
        }

        /**
         * A stored credential: its values become placeholders under {@code credential} in the user
         * data, typed only on {@code allowedDomains} (empty: anywhere).
         */
        public Builder credential(String username, String password, Optional<TotpGenerator> totp,
                                  Optional<String> totpSecretText, List<String> allowedDomains) {
            List<String> allowed = List.copyOf(allowedDomains);
            put(secretPlaceholder("credential.username"), username, allowed);
            put(secretPlaceholder("credential.password"), password, allowed);
            totp.ifPresent(g -> {
                generators.put(totpPlaceholder("credential"), g);
                domains.put(totpPlaceholder("credential"), allowed);
                extraFields.put("credential.totp", totpPlaceholder("credential"));
            });
            totpSecretText.ifPresent(redactOnly::add);
            return this;
        }

        private void put(String placeholder, String value, List<String> allowed) {
            if (value != null && !value.isEmpty()) {
                secrets.put(placeholder, value);
                domains.put(placeholder, allowed);
                extraFields.put(placeholder.substring("{{secret:".length(), placeholder.length() - 2), placeholder);
            }
        }

        /** Codes for {@code {{totp}}}, pushed or polled. */
        public Builder oneTimeCodes(OneTimeCodes source) {
            this.codes = Optional.of(source);
            extraFields.put("one_time_code", ONE_TIME_CODE);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public PayloadSecrets build() {
            JsonNode masked = payload == null ? null : payload.deepCopy();
            new PayloadMasker(secrets, generators, redactOnly).mask(masked, "");
            if (!extraFields.isEmpty()) {
                masked = withExtraFields(masked);
            }
            if (masked == null && payload == null && secrets.isEmpty() && generators.isEmpty() && codes.isEmpty()) {
                return NONE;
            }
            return new PayloadSecrets(masked, secrets, generators, domains, redactOnly, codes, clock);
        }

        /** The placeholders a credential or a code source adds, as the model sees them. */
        private JsonNode withExtraFields(JsonNode masked) {
            ObjectNode object;
            if (masked == null) {
                object = Json.mapper().createObjectNode();
            } else if (masked instanceof ObjectNode o) {
                object = o;
            } else {
                object = Json.mapper().createObjectNode();
                object.set("user_data", masked);
            }
            extraFields.forEach((path, placeholder) -> {
                String[] parts = path.split("\\.");
                ObjectNode parent = object;
                for (int i = 0; i < parts.length - 1; i++) {
                    parent = parent.has(parts[i]) && parent.get(parts[i]).isObject()
                            ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
                }
                parent.put(parts[parts.length - 1], placeholder);
            });
            return object;
        }
    }
}
