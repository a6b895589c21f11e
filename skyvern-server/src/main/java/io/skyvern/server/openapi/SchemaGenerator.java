package io.skyvern.server.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.server.http.JsonProperties;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * JSON Schemas of the DTO records, derived from their components with the same snake_case naming
 * the mapper uses, so the document cannot drift from what is actually sent.
 */
final class SchemaGenerator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    private final ObjectNode schemas;

    SchemaGenerator(ObjectNode schemas) {
        this.schemas = schemas;
    }

    /** A $ref to the record's schema, adding it (and nested records) to components. */
    ObjectNode ref(Class<?> type) {
        String name = type.getSimpleName();
        if (!schemas.has(name)) {
            schemas.set(name, F.objectNode());
            schemas.set(name, recordSchema(type));
        }
        return F.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    private ObjectNode recordSchema(Class<?> type) {
        ObjectNode schema = F.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        // Requests: the fields their body records mark @JsonProperty(required = true), which Bodies enforces.
        // Responses: every field the mapper always writes (null ones too).
        boolean response = type.getSimpleName().endsWith("Response");
        List<String> required = new ArrayList<>();
        JsonProperties json = JsonProperties.of(type);
        for (RecordComponent component : type.getRecordComponents()) {
            String name = json.wireName(component.getName()).orElseGet(() -> SNAKE.translate(component.getName()));
            ObjectNode property = schemaOf(component.getGenericType());
            WireRules.fieldEnum(type, name).ifPresent(values -> values.forEach(property.putArray("enum")::add));
            // JsonInclude does not target record components: Java copies it onto the accessor
            JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
            boolean alwaysWritten = include == null || include.value() == JsonInclude.Include.ALWAYS;
            if (json.required().contains(name) || (response && alwaysWritten)) {
                required.add(name);
            }
            properties.set(name, component.getType().isPrimitive() ? property : nullable(property));
        }
        if (!required.isEmpty()) {
            required.forEach(schema.putArray("required")::add);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** OpenAPI 3.1: a field that may be null says so (a $ref cannot carry siblings, hence anyOf). */
    private static ObjectNode nullable(ObjectNode property) {
        if (property.has("$ref") || !property.has("type")) {
            if (!property.has("$ref")) {
                return property;  // no type: any JSON value, null included
            }
            ObjectNode either = F.objectNode();
            either.putArray("anyOf").add(property).addObject().put("type", "null");
            return either;
        }
        String type = property.get("type").asText();
        property.putArray("type").add(type).add("null");
        if (property.has("enum")) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) property.get("enum")).addNull();
        }
        return property;
    }

    ObjectNode schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = F.objectNode().put("type", "array");
                array.set("items", schemaOf(parameterized.getActualTypeArguments()[0]));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = F.objectNode().put("type", "object");
                Type value = parameterized.getActualTypeArguments()[1];
                if (value != Object.class) {
                    map.set("additionalProperties", schemaOf(value));
                }
                return map;
            }
            return schemaOf(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return F.objectNode().put("type", "string");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return F.objectNode().put("type", "integer");
        }
        if (c == double.class || c == Double.class) {
            return F.objectNode().put("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return F.objectNode().put("type", "boolean");
        }
        if (c == Instant.class) {
            return F.objectNode().put("type", "string").put("format", "date-time");
        }
        if (JsonNode.class.isAssignableFrom(c)) {
            return F.objectNode();
        }
        if (c.isRecord()) {
            return ref(c);
        }
        return F.objectNode().put("type", "object");
    }
}
