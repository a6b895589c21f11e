package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps secrets of a task's user data away from the model, the artifacts and the logs. Values
 * whose key names a secret (password, secret, token, otp, pin, cvv, api_key…) are replaced by
 * placeholders such as {@code {{secret:login.password}}} in what the model sees; the model types
 * the placeholder and {@link #substitute} puts the real value in only when the action runs.
 * {@link #redact} removes real values from any text that leaves the process (prompts, element
 * trees, artifacts, log lines) in case a page echoes them. Immutable and thread-safe.
 */
public final class PayloadSecrets {
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|passphrase|pwd|secret|token|otp|totp|mfa|pin|cvv|cvc|api[_-]?key|apikey|"
                    + "private[_-]?key|credential|ssn|card[_-]?number|security[_-]?code).*");
    private static final PayloadSecrets NONE = new PayloadSecrets(null, Map.of());

    private final JsonNode maskedPayload;
    /** placeholder → real value, longest real values first for redaction. */
    private final Map<String, String> secrets;

    private PayloadSecrets(JsonNode maskedPayload, Map<String, String> secrets) {
        this.maskedPayload = maskedPayload;
        this.secrets = secrets;
    }

    public static PayloadSecrets none() {
        return NONE;
    }

    /** Finds the secrets of a payload (null or non-object payloads have none). */
    public static PayloadSecrets of(JsonNode payload) {
        if (payload == null || payload.isNull()) {
            return NONE;
        }
        JsonNode masked = payload.deepCopy();
        Map<String, String> found = new LinkedHashMap<>();
        mask(masked, "", found);
        List<Map.Entry<String, String>> entries = new ArrayList<>(found.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
        Map<String, String> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return new PayloadSecrets(masked, Collections.unmodifiableMap(ordered));
    }

    /** True when the key name marks a secret value. */
    public static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key).matches();
    }

    private static void mask(JsonNode node, String path, Map<String, String> found) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> toMask = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (isSecretKey(field.getKey()) && field.getValue().isValueNode() && !field.getValue().isNull()
                        && !field.getValue().asText().isEmpty()) {
                    toMask.add(field.getKey());
                    found.put(placeholder(childPath), field.getValue().asText());
                } else {
                    mask(field.getValue(), childPath, found);
                }
            }
            for (String key : toMask) {
                String childPath = path.isEmpty() ? key : path + "." + key;
                object.set(key, TextNode.valueOf(placeholder(childPath)));
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                mask(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static String placeholder(String path) {
        return "{{secret:" + path + "}}";
    }

    /** The payload as the model may see it (secrets replaced); null when there is no payload. */
    public JsonNode maskedPayload() {
        return maskedPayload;
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** Puts real values in place of placeholders; used only at the moment an action runs. */
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

    /** Replaces any real secret value in text by its placeholder. */
    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            result = result.replace(secret.getValue(), secret.getKey());
        }
        return result;
    }

    @Override
    public String toString() {
        return "PayloadSecrets[" + secrets.size() + " secret(s)]";
    }
}
