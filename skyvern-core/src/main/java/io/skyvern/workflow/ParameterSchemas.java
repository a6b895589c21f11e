package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Run-parameter JSON Schemas (draft 2020-12, networknt): checks a schema against the meta-schema
 * and run parameters against a schema. The meta-schema is loaded once from the validator's
 * bundled copy (no network). Thread-safe: compiled schemas are immutable.
 */
final class ParameterSchemas {
    /**
     * Only the bundled meta-schemas may be loaded: a client's {@code $ref} to a URL must not make
     * the server fetch it (requests to internal hosts, hanging connections).
     */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.add(ParameterSchemas::refuseRemote)));
    private static final JsonSchema META_SCHEMA = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));

    private ParameterSchemas() {
    }

    /** Every problem of a parameter schema (empty when it is a valid object schema). */
    static List<String> schemaErrors(JsonNode schema) {
        List<String> errors = new ArrayList<>();
        if (!schema.isObject()) {
            errors.add("Parameter schema must be a JSON object");
            return errors;
        }
        for (String message : sorted(META_SCHEMA.validate(schema))) {
            errors.add("Parameter schema: " + message);
        }
        JsonNode type = schema.get("type");
        if (type == null || !type.isTextual() || !type.asText().equals("object")) {
            errors.add("Parameter schema must have type 'object'");
        }
        if (errors.isEmpty()) {
            try {
                FACTORY.getSchema(schema).initializeValidators();
            } catch (RuntimeException e) {
                errors.add("Parameter schema cannot be compiled: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            }
        }
        return errors;
    }

    /** Every violation of {@code parameters} against {@code schema}, in a stable order. */
    static List<String> parameterErrors(JsonNode schema, JsonNode parameters) {
        return sorted(FACTORY.getSchema(schema).validate(parameters));
    }

    /** The number of declared properties of an object schema (0 when there are none). */
    static int parameterCount(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return 0;
        }
        JsonNode properties = schema.get("properties");
        return properties != null && properties.isObject() ? properties.size() : 0;
    }

    private static InputStreamSource refuseRemote(AbsoluteIri iri) {
        String uri = iri.toString();
        if (uri.startsWith("classpath:") || uri.startsWith("resource:")) {
            return null;
        }
        return () -> {
            throw new IOException("external schema references are not allowed: " + uri);
        };
    }

    private static List<String> sorted(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).sorted(Comparator.naturalOrder()).toList();
    }
}
