package io.skyvern.server.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.agent.PayloadSecrets;
import io.skyvern.common.Json;

import java.util.Iterator;
import java.util.Map;

/** JSON shown on pages: pretty-printed, with the values of secret-named keys masked. */
public final class JsonText {
    static final String MASK = "••••••••";

    private JsonText() {
    }

    public static String pretty(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    /** A copy with every value under a key that names a secret (password, token, totp…) replaced. */
    public static JsonNode masked(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        mask(copy);
        return copy;
    }

    private static void mask(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (PayloadSecrets.isSecretKey(field.getKey())) {
                    field.setValue(object.textNode(MASK));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(JsonText::mask);
        }
    }
}
