package io.skyvern.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One input of a workflow's run form, generated from a property of its {@code parameter_schema}
 * (JSON Schema): strings and numbers become text inputs, booleans checkboxes, objects and arrays
 * JSON text areas. The values typed go back through the same schema check as the API's.
 */
public record RunFormField(String name, String type, boolean required, String description, String value,
                           List<String> options) {
    static List<RunFormField> of(JsonNode schema, Map<String, String> values) {
        List<RunFormField> fields = new ArrayList<>();
        if (schema == null || !schema.path("properties").isObject()) {
            return fields;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String type = p.getValue().path("type").asText("string");
            List<String> options = new ArrayList<>();
            p.getValue().path("enum").forEach(o -> options.add(o.asText()));
            JsonNode dflt = p.getValue().get("default");
            String value = values.getOrDefault(p.getKey(), dflt == null ? "" : dflt.isTextual() ? dflt.asText()
                    : dflt.toString());
            fields.add(new RunFormField(p.getKey(), type, required.contains(p.getKey()),
                    p.getValue().path("description").asText(""), value, List.copyOf(options)));
        }
        return fields;
    }

    /** The run's parameters from the form's text; a value that is not of its type is a 422. */
    static ObjectNode parameters(List<RunFormField> fields, Map<String, String> values) {
        ObjectNode parameters = Json.mapper().createObjectNode();
        for (RunFormField f : fields) {
            String text = values.getOrDefault(f.name(), "").trim();
            if ("boolean".equals(f.type())) {
                parameters.put(f.name(), "on".equals(text) || "true".equals(text));
                continue;
            }
            if (text.isEmpty()) {
                continue;
            }
            try {
                switch (f.type()) {
                    case "integer" -> parameters.put(f.name(), Long.parseLong(text));
                    case "number" -> parameters.put(f.name(), Double.parseDouble(text));
                    case "object", "array" -> parameters.set(f.name(), Json.mapper().readTree(text));
                    default -> parameters.put(f.name(), text);
                }
            } catch (Exception e) {
                throw new SkyvernException(ErrorCode.VALIDATION_ERROR, f.name() + " is not a valid " + f.type(),
                        List.of(f.name() + ": not a valid " + f.type()));
            }
        }
        return parameters;
    }

    public boolean checked() {
        return "true".equals(value) || "on".equals(value);
    }

    public String inputType() {
        return switch (type) {
            case "integer", "number" -> "number";
            default -> "text";
        };
    }
}
