package io.skyvern.server.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.router.Endpoint;
import io.skyvern.server.http.Operation;
import io.skyvern.server.http.Param;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the OpenAPI 3.1 document from the router's endpoints: every endpoint registered with an
 * {@link Operation} (see {@code ApiRoutes}), its parameters, body, responses and errors.
 */
public final class OpenApiDocument {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<Integer, String> ERROR_TEXT = Map.of(
            400, "The body fits the schema but breaks a rule (blank or too long a value, bad URL, template syntax): "
                    + "VALIDATION_FAILED, WORKFLOW_VALIDATION_FAILED or PARAMETER_VALIDATION_FAILED; "
                    + "details.errors [{field, message}]",
            401, "Missing or invalid API key (UNAUTHORIZED)",
            403, "Forbidden (FORBIDDEN)",
            404, "Not found (e.g. TASK_NOT_FOUND, WORKFLOW_NOT_FOUND; other organisations' objects too)",
            409, "Conflict (e.g. TASK_ALREADY_FINISHED, TASK_NOT_EDITABLE, WORKFLOW_INACTIVE)",
            413, "Body too large (PAYLOAD_TOO_LARGE)",
            415, "Unsupported media type (UNSUPPORTED_MEDIA_TYPE)",
            422, "The body or a parameter does not fit the schema (malformed JSON, a missing required field, a wrong "
                    + "type with no coercion, an unknown field at any depth): VALIDATION_ERROR; "
                    + "details.errors [{field, message}]",
            429, "Rate limit (RATE_LIMIT_EXCEEDED, Retry-After header) or organisation limit",
            503, "Service unavailable");

    private OpenApiDocument() {
    }

    public static ObjectNode build(Collection<Endpoint> endpoints) {
        ObjectNode doc = F.objectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Skyvern API").put("version", "1.0.0")
                .put("description", "AI-powered browser automation: tasks, workflows, organisations.");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        components.putObject("securitySchemes").putObject("ApiKey").put("type", "apiKey").put("in", "header")
                .put("name", "x-api-key");
        schemas.set("Metadata", metadataSchema());
        schemas.set("ErrorEnvelope", errorSchema());
        SchemaGenerator generator = new SchemaGenerator(schemas);
        ObjectNode paths = doc.putObject("paths");
        for (Endpoint endpoint : endpoints) {
            Operation op = endpoint.metadata(Operation.class);
            if (op == null) {
                continue;  // not an API route (a dashboard page)
            }
            String path = endpoint.path;
            ObjectNode pathItem = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            pathItem.set(endpoint.method.name().toLowerCase(Locale.ROOT), operation(endpoint.method.name(), path, op,
                    generator));
        }
        return doc;
    }

    private static ObjectNode operation(String method, String path, Operation op, SchemaGenerator generator) {
        ObjectNode node = F.objectNode();
        node.putArray("tags").add(op.tag());
        node.put("summary", op.summary());
        node.put("operationId", op.tag() + "_" + method.toLowerCase(Locale.ROOT)
                + path.replaceAll("[^A-Za-z0-9]+", "_"));
        if (op.authenticated()) {
            node.putArray("security").addObject().putArray("ApiKey");
        }
        ArrayNode params = node.putArray("parameters");
        for (Param p : op.params()) {
            ObjectNode param = params.addObject().put("name", p.name()).put("in", p.in()).put("required", p.required())
                    .put("description", p.description());
            ObjectNode scalar = "date-time".equals(p.type()) ? F.objectNode().put("type", "string").put("format", "date-time")
                    : F.objectNode().put("type", p.type());
            if (!p.values().isEmpty()) {
                p.values().forEach(scalar.putArray("enum")::add);
            }
            if (p.repeated()) {
                param.putObject("schema").put("type", "array").set("items", scalar);
                param.put("explode", true);
            } else {
                param.set("schema", scalar);
            }
        }
        if (op.requestBody() != null) {
            ObjectNode content = node.putObject("requestBody").put("required", method.equals("POST")
                    && !path.endsWith("/cancel")).putObject("content");
            content.putObject("application/json").set("schema", generator.ref(op.requestBody()));
            if (op.tag().equals("workflows") && !path.contains("/runs")) {
                content.putObject("application/yaml").set("schema", generator.ref(op.requestBody()));
            }
        }
        ObjectNode responses = node.putObject("responses");
        ObjectNode ok = responses.putObject(String.valueOf(op.status())).put("description", "Success");
        ok.putObject("content").putObject(path.equals("/metrics") ? "text/plain" : "application/json")
                .set("schema", success(path, op, generator));
        for (int status : op.errorStatuses()) {
            error(responses, status);
        }
        if (op.authenticated()) {
            error(responses, 401);
            error(responses, 429);
        }
        responses.putObject("500").put("description", "Unexpected error (INTERNAL_SERVER_ERROR)")
                .putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/ErrorEnvelope");
        return node;
    }

    private static ObjectNode success(String path, Operation op, SchemaGenerator generator) {
        if (path.equals("/metrics")) {
            return F.objectNode().put("type", "string");
        }
        ObjectNode schema = F.objectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject("success").put("const", true);
        ObjectNode data = op.dataType() == null ? F.objectNode().put("type", "object") : generator.ref(op.dataType());
        if (op.dataIsList()) {
            props.putObject("data").put("type", "array").set("items", data);
        } else {
            props.set("data", data);
        }
        props.putObject("metadata").put("$ref", "#/components/schemas/Metadata");
        schema.putArray("required").add("success").add("data").add("metadata");
        return schema;
    }

    private static void error(ObjectNode responses, int status) {
        responses.putObject(String.valueOf(status)).put("description", ERROR_TEXT.getOrDefault(status, "Error"))
                .putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/ErrorEnvelope");
    }

    private static ObjectNode metadataSchema() {
        ObjectNode schema = F.objectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject("request_id").put("type", "string");
        props.putObject("timestamp").put("type", "string").put("format", "date-time");
        schema.putArray("required").add("request_id").add("timestamp");
        return schema;
    }

    private static ObjectNode errorSchema() {
        ObjectNode schema = F.objectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject("success").put("const", false);
        ObjectNode error = props.putObject("error").put("type", "object");
        ObjectNode errorProps = error.putObject("properties");
        errorProps.putObject("code").put("type", "string");
        errorProps.putObject("message").put("type", "string");
        errorProps.putObject("details").put("type", "object");
        error.putArray("required").add("code").add("message").add("details");
        props.putObject("metadata").put("$ref", "#/components/schemas/Metadata");
        schema.putArray("required").add("success").add("error").add("metadata");
        return schema;
    }
}
