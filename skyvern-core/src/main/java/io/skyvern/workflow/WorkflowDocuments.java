package io.skyvern.workflow;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Workflow documents as clients write them, in JSON or YAML: {@code title}, {@code description},
 * {@code workflow_definition} ({@code blocks}, {@code connections}), {@code parameter_schema},
 * {@code is_active}. {@link #parse} turns one into a {@link WorkflowRequest} (malformed input is
 * VALIDATION_ERROR; the workflow rules are the validator's job); {@link #render} writes a stored
 * workflow back so that parsing the result gives the same request. Thread-safe.
 */
public final class WorkflowDocuments {
    private static final Set<String> FIELDS = Set.of("title", "description", "workflow_definition",
            "parameter_schema", "is_active");
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    /** The two document formats. */
    public enum Format {
        JSON, YAML;

        /** YAML for {@code application/yaml}, {@code application/x-yaml}, {@code text/yaml}; else JSON. */
        public static Format fromContentType(String contentType) {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            return type.contains("yaml") ? YAML : JSON;
        }
    }

    private WorkflowDocuments() {
    }

    /** Parses a document; VALIDATION_ERROR (with every problem) when it is not a workflow document. */
    public static WorkflowRequest parse(String document, Format format) {
        Objects.requireNonNull(format, "format");
        JsonNode root = readTree(document, format);
        if (root == null || !root.isObject()) {
            throw invalid(format, List.of("The document must be an object with title and workflow_definition"));
        }
        List<String> errors = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                errors.add("Unknown field '" + field + "'");
            }
        }
        String title = text(root, "title", errors);
        String description = text(root, "description", errors);
        JsonNode active = root.get("is_active");
        if (active != null && !active.isNull() && !active.isBoolean()) {
            errors.add("Field 'is_active' must be a boolean");
        }
        if (!errors.isEmpty()) {
            throw invalid(format, errors);
        }
        return new WorkflowRequest(title, description, present(root.get("workflow_definition")),
                present(root.get("parameter_schema")), active == null || active.isNull() ? null : active.asBoolean());
    }

    /** The document of a stored workflow, in the given format. */
    public static String render(Workflow workflow, Format format) {
        ObjectNode document = toDocument(workflow);
        try {
            return format == Format.YAML ? YAML.writeValueAsString(document)
                    : Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new SkyvernException(ErrorCode.INTERNAL_SERVER_ERROR, "Cannot render workflow "
                    + workflow.workflowId(), List.of(), Map.of(), e);
        }
    }

    /** The document of a stored workflow as a tree (absent optional fields are left out). */
    public static ObjectNode toDocument(Workflow workflow) {
        Objects.requireNonNull(workflow, "workflow");
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("title", workflow.title());
        if (workflow.description() != null) {
            document.put("description", workflow.description());
        }
        document.set("workflow_definition", workflow.definition());
        if (workflow.parameterSchema() != null) {
            document.set("parameter_schema", workflow.parameterSchema());
        }
        document.put("is_active", workflow.active());
        return document;
    }

    private static JsonNode readTree(String document, Format format) {
        if (document == null || document.isBlank()) {
            throw invalid(format, List.of("The document is empty"));
        }
        try {
            return (format == Format.YAML ? YAML : Json.mapper()).readTree(document);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw invalid(format, List.of("Malformed " + format.name() + where + ": " + e.getOriginalMessage()));
        }
    }

    private static String text(JsonNode root, String field, List<String> errors) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add("Field '" + field + "' must be a string");
            return null;
        }
        return value.asText();
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static SkyvernException invalid(Format format, List<String> errors) {
        return new SkyvernException(ErrorCode.VALIDATION_ERROR, "Invalid " + format.name() + " workflow document: "
                + String.join("; ", errors), errors, Map.of("errors", errors), null);
    }
}
