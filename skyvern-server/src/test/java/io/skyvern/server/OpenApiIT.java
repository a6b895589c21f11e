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
    void document_and_router_list_exactly_the_same_routes_and_docs_pages_load() {
        try (TestServer s = TestServer.start()) {
            JsonNode doc = s.get("/openapi.json", null).json();
            assertThat(doc.get("openapi").asText()).startsWith("3.1");
            Set<String> documented = new HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path.getKey()));
            }
            Set<String> registered = new HashSet<>(s.server.routes());
            assertThat(documented).as("documented routes missing from the router")
                    .isSubsetOf(registered);
            assertThat(registered).as("registered routes missing from the document").isSubsetOf(documented);
            assertThat(doc.at("/paths/~1api~1v1~1tasks~1{task_id}/get/responses/404")).isNotNull();
            assertThat(doc.at("/components/schemas/TaskResponse/properties/navigation_goal").isObject()).isTrue();
            assertThat(s.get("/docs", null).text()).contains("/openapi.json");
            assertThat(s.get("/redoc", null).status()).isEqualTo(200);
        }
    }
}
