package io.skyvern.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.common.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint under fuzz: method, path template, its query parameters (name and type, from the
 * OpenAPI document) and a valid body to mutate, or none.
 *
 * @param seedBody a valid request body, or null when the endpoint takes none
 * @param envelope whether a 2xx answer is the JSON envelope (not /metrics, the docs pages)
 */
record FuzzRoute(String method, String path, List<QueryParam> queryParams, ObjectNode seedBody, boolean envelope) {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");

    record QueryParam(String name, String type, boolean repeated) {
    }

    String key() {
        return method + " " + path;
    }

    List<String> pathParams() {
        List<String> names = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    boolean isWorkflowDocument() {
        return (method.equals("POST") && path.equals("/api/v1/workflows"))
                || (method.equals("PUT") && path.equals("/api/v1/workflows/{workflow_id}"));
    }

    /**
     * Every registered route (from the router, so new endpoints are fuzzed without a change here),
     * with query parameters and a body taken from the OpenAPI document; hand-written valid bodies
     * for the endpoints known today, a body built from the documented schema for the rest.
     */
    static List<FuzzRoute> fromServer(List<String> registered, JsonNode openApi) {
        List<FuzzRoute> routes = new ArrayList<>();
        for (String route : registered) {
            String[] parts = route.split(" ", 2);
            String method = parts[0].toUpperCase(Locale.ROOT);
            if (method.equals("HEAD") || method.equals("OPTIONS")) {
                continue;
            }
            String path = parts[1];
            JsonNode op = openApi.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
            List<QueryParam> params = new ArrayList<>();
            for (JsonNode p : op.path("parameters")) {
                if (p.path("in").asText().equals("query")) {
                    boolean array = p.path("schema").path("type").asText().equals("array");
                    String type = array ? p.path("schema").path("items").path("type").asText()
                            : p.path("schema").path("format").asText(p.path("schema").path("type").asText());
                    params.add(new QueryParam(p.path("name").asText(), type, array));
                }
            }
            ObjectNode body = SeedBodies.known(method + " " + path).orElseGet(() -> op.has("requestBody")
                    ? fromSchema(op.at("/requestBody/content/application~1json/schema"), openApi, 0) : null);
            boolean envelope = path.startsWith("/api/") || path.equals("/health");
            routes.add(new FuzzRoute(method, path, List.copyOf(params), body, envelope));
        }
        return routes;
    }

    /** A plausible object for a documented schema: every property with a value of its type. */
    static ObjectNode fromSchema(JsonNode schema, JsonNode doc, int depth) {
        JsonNode resolved = resolve(schema, doc);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (depth > 4) {
            return body;
        }
        Iterator<Map.Entry<String, JsonNode>> props = resolved.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> p = props.next();
            JsonNode prop = resolve(p.getValue(), doc);
            String type = prop.path("type").isArray() ? prop.path("type").path(0).asText() : prop.path("type").asText();
            switch (type) {
                case "integer", "number" -> body.put(p.getKey(), 1);
                case "boolean" -> body.put(p.getKey(), false);
                case "array" -> body.putArray(p.getKey());
                case "object" -> body.set(p.getKey(), fromSchema(prop, doc, depth + 1));
                default -> body.put(p.getKey(), "fuzz");
            }
        }
        return body;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode doc) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/") ? doc.at(ref.substring(1)) : schema;
    }

    /** Valid bodies of today's endpoints (the fuzzer's starting points). */
    static final class SeedBodies {
        private SeedBodies() {
        }

        static Optional<ObjectNode> known(String key) {
            String json = switch (key) {
                case "POST /api/v1/tasks" -> """
                        {"url":"https://shop.test/start","title":"Fuzz","navigation_goal":"Find the price",
                         "data_extraction_goal":"the price","navigation_payload":{"name":"Ada","age":36},
                         "extracted_information_schema":{"type":"object","properties":{"price":{"type":"string"}}},
                         "error_code_mapping":{"NO_PRICE":"no price shown"},"max_steps":5,"priority":"normal",
                         "totp_identifier":"ann@shop.test"}""";
                case "PATCH /api/v1/tasks/{task_id}" -> """
                        {"title":"Renamed","navigation_goal":"Find the total","max_steps":4}""";
                case "POST /api/v1/tasks/{task_id}/cancel" -> """
                        {"reason":"fuzz","force":false}""";
                case "POST /api/v1/workflows", "PUT /api/v1/workflows/{workflow_id}" -> """
                        {"title":"Fuzz workflow","description":"d","is_active":true,
                         "workflow_definition":{"blocks":[{"id":"nav","type":"navigation",
                           "parameters":{"url":"https://a.test","navigation_goal":"go"}}]},
                         "parameter_schema":{"type":"object","properties":{"email":{"type":"string"}},
                           "required":["email"]}}""";
                case "POST /api/v1/workflows/{workflow_id}/runs" -> """
                        {"parameters":{"email":"a@b.test"},"priority":"normal","max_execution_time_minutes":10,
                         "totp_verification_url":"https://codes.shop.test/otp"}""";
                case "POST /api/v1/workflows/{workflow_id}/runs/{run_id}/cancel" -> """
                        {"reason":"fuzz"}""";
                case "POST /api/v1/organizations", "POST /api/v1/api_keys",
                     "POST /api/v1/organizations/{organization_id}/api_keys" -> """
                        {"name":"fuzz"}""";
                default -> null;
            };
            if (json == null) {
                return Optional.empty();
            }
            try {
                return Optional.of((ObjectNode) Json.mapper().readTree(json));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
