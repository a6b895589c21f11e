package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.skyvern.totp.TotpGenerator;
import io.skyvern.totp.TotpSpec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Walks a payload copy and replaces its secrets by placeholders: values under secret-like keys
 * become {@code {{secret:path}}}, objects with a {@code totp_secret} become {@code {{totp:path}}}
 * (a code generator), and what was found is collected for {@link PayloadSecrets}.
 */
final class PayloadMasker {
    private final Map<String, String> secrets;
    private final Map<String, TotpGenerator> generators;
    private final List<String> redactOnly;

    PayloadMasker(Map<String, String> secrets, Map<String, TotpGenerator> generators, List<String> redactOnly) {
        this.secrets = secrets;
        this.generators = generators;
        this.redactOnly = redactOnly;
    }

    void mask(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, String>> replacements = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                JsonNode value = field.getValue();
                if (TotpSpec.isSpec(value)) {
                    replacements.add(Map.entry(field.getKey(), totp(childPath, value)));
                } else if (PayloadSecrets.isSecretKey(field.getKey()) && value.isValueNode() && !value.isNull()
                        && !value.asText().isEmpty()) {
                    String placeholder = PayloadSecrets.secretPlaceholder(childPath);
                    secrets.put(placeholder, value.asText());
                    replacements.add(Map.entry(field.getKey(), placeholder));
                } else {
                    mask(value, childPath);
                }
            }
            replacements.forEach(r -> object.set(r.getKey(), TextNode.valueOf(r.getValue())));
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                mask(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** A generator for the spec; an unusable spec (refused at create time) types nothing but a refusal. */
    private String totp(String path, JsonNode spec) {
        String placeholder = PayloadSecrets.totpPlaceholder(path);
        JsonNode secret = spec.get(TotpSpec.SECRET_FIELD);
        if (secret != null && secret.isValueNode() && !secret.asText().isBlank()) {
            redactOnly.add(secret.asText());
        }
        try {
            generators.put(placeholder, TotpSpec.parse(spec));
        } catch (IllegalArgumentException e) {
            // Refused when the task is created; a payload from elsewhere types a refusal (PayloadSecrets).
        }
        return placeholder;
    }
}
