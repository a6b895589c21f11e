package io.skyvern.server.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Finds values no store accepts: numbers a parser turned into infinity or NaN ({@code 1e400} in
 * JSON, {@code .inf} in YAML; JSON Schema validation throws on them) and text with NUL characters
 * (PostgreSQL refuses them in text columns). Refused at the edge instead of surfacing as a 500.
 */
final class NonFiniteNumbers {
    private NonFiniteNumbers() {
    }

    /** The path of the first non-finite number, e.g. {@code parameter_schema.enum[0]}, or empty. */
    static Optional<String> find(JsonNode node) {
        return find(node, "");
    }

    /** The path of the first text or field name holding a NUL character, or empty. */
    static Optional<String> findNul(JsonNode node, String path) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isTextual() && node.textValue().indexOf('\u0000') >= 0) {
            return Optional.of(path.isEmpty() ? "body" : path);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = findNul(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getKey().indexOf('\u0000') >= 0) {
                    return Optional.of(child);
                }
                Optional<String> found = findNul(e.getValue(), child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> find(JsonNode node, String path) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
            return Optional.of(path.isEmpty() ? "body" : path);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = find(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Optional<String> found = find(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
