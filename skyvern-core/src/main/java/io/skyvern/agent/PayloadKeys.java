package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties typed text to the user data it came from, so a script stores the key ({@code login.username})
 * rather than the value and one script serves many inputs. A secret is typed as its placeholder
 * ({@code {{secret:login.password}}}), whose key is in the placeholder; a plain value is looked up
 * among the payload's scalar leaves (dotted paths). Stateless.
 */
final class PayloadKeys {
    private static final Pattern SECRET = Pattern.compile("\\{\\{secret:([^}]+)}}");

    private PayloadKeys() {
    }

    /** The payload key {@code text} came from, if it is exactly one payload value or one secret placeholder. */
    static Optional<String> keyOf(String text, JsonNode payload) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = SECRET.matcher(text);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        return find(text, payload, "");
    }

    /** The value to type now for {@code key}: the placeholder for a secret, else the payload's value. */
    static Optional<String> valueOf(String key, String recordedText, JsonNode payload) {
        if (recordedText != null && SECRET.matcher(recordedText).matches()) {
            return Optional.of(recordedText);
        }
        JsonNode node = payload;
        for (String part : key.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || !node.isValueNode() || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    private static Optional<String> find(String text, JsonNode node, String path) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isValueNode()) {
            return !path.isEmpty() && text.equals(node.asText()) ? Optional.of(path) : Optional.empty();
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                Optional<String> found = find(text, f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
