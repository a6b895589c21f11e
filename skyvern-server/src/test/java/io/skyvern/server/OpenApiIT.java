package io.skyvern.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiIT {
    @Test
    void every_registered_api_route_is_documented_and_docs_pages_load() {
        // True by construction (ApiRoutes registers a route and its operation in one call, and the
        // document is read from the router); this catches a route registered around ApiRoutes.
        try (TestServer s = TestServer.start()) {
            JsonNode doc = s.get("/openapi.json", null).json();
            assertThat(doc.get("openapi").asText()).startsWith("3.1");
            Set<String> documented = new HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path.getKey()));
            }
            Set<String> registered = new HashSet<>(s.server.routes());
            // the dashboard's HTML pages are not API operations
            registered.removeIf(r -> r.endsWith(" /") || r.contains(" /ui/"));
            assertThat(documented).as("documented routes missing from the router")
                    .isSubsetOf(registered);
            assertThat(registered).as("registered routes missing from the document").isSubsetOf(documented);
            assertThat(doc.at("/paths/~1api~1v1~1tasks~1{task_id}/get/responses/404")).isNotNull();
            assertThat(doc.at("/components/schemas/TaskResponse/properties/navigation_goal").isObject()).isTrue();
            assertThat(s.get("/docs", null).text()).contains("/openapi.json");
            assertThat(s.get("/redoc", null).status()).isEqualTo(200);
        }
    }

    @Test
    void document_declares_required_fields_enums_and_nullable_fields() {
        try (TestServer s = TestServer.start()) {
            JsonNode schemas = s.get("/openapi.json", null).json().get("components").get("schemas");
            assertThat(schemas.at("/CreateTaskBody/required").toString()).contains("\"url\"");
            assertThat(schemas.at("/TaskResponse/required").toString()).contains("\"task_id\"", "\"status\"")
                    .doesNotContain("\"steps\"");
            assertThat(schemas.at("/TaskResponse/properties/status/enum").toString())
                    .contains("\"queued\"", "\"timed_out\"");
            assertThat(schemas.at("/TaskResponse/properties/failure_reason/type").toString()).contains("null");
            JsonNode statusParam = s.get("/openapi.json", null).json()
                    .at("/paths/~1api~1v1~1tasks/get/parameters");
            assertThat(statusParam.toString()).contains("\"enum\":[\"created\"");
        }
    }

    @Test
    void docs_pages_load_swagger_ui_and_redoc_from_this_server() {
        try (TestServer s = TestServer.start()) {
            String docs = s.get("/docs", null).text();
            String bundle = docs.replaceAll("(?s).*src=\"(/webjars/swagger-ui/[^\"]+)\".*", "$1");
            assertThat(bundle).endsWith("swagger-ui-bundle.js");
            TestServer.Response script = s.get(bundle, null);
            assertThat(script.status()).isEqualTo(200);
            assertThat(script.text()).contains("SwaggerUIBundle");
            String redoc = s.get("/redoc", null).text();
            String redocScript = redoc.replaceAll("(?s).*src=\"(/webjars/redoc/[^\"]+)\".*", "$1");
            assertThat(s.get(redocScript, null).status()).isEqualTo(200);
        }
    }
}
