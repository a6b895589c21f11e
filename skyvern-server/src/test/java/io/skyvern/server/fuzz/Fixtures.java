package io.skyvern.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real objects for path parameters: the fuzzing organisation's task, workflow, run and a spare API
 * key, and the same in a second organisation (whose ids must never work with our key). Refreshed
 * now and then, since the fuzzer may legitimately delete or cancel them.
 */
final class Fixtures {
    private final LiveServer server;
    private final Map<String, String> own = new LinkedHashMap<>();
    private final Map<String, String> foreign = new LinkedHashMap<>();
    private String revokedKey;

    Fixtures(LiveServer server) {
        this.server = server;
        String otherKey = server.call("POST", "/api/v1/organizations", Map.of("name", "fuzz-other"))
                .json().at("/data/api_key/api_key").asText();
        create(otherKey, foreign);
        create(server.bootstrapKey, own);
        // Ours only: the fuzzing key is the bootstrap one, which may manage every organisation's keys.
        own.put("organization_id", server.call("GET", "/api/v1/organizations/me", null).json()
                .at("/data/organization_id").asText());
        LiveServer.Reply spare = server.call("POST", "/api/v1/api_keys", Map.of("name", "to revoke"));
        revokedKey = spare.json().at("/data/api_key").asText();
        server.call("DELETE", "/api/v1/api_keys/" + spare.json().at("/data/api_key_id").asText(), null);
    }

    Map<String, String> own() {
        return own;
    }

    Map<String, String> foreign() {
        return foreign;
    }

    String bootstrapKey() {
        return server.bootstrapKey;
    }

    String revokedKey() {
        return revokedKey;
    }

    /** Replaces our objects with fresh ones; keeps an old id when creating a new one is refused (quota). */
    void refresh() {
        create(server.bootstrapKey, own);
    }

    private void create(String key, Map<String, String> ids) {
        JsonNode task = body("POST", "/api/v1/tasks", "POST /api/v1/tasks", key);
        put(ids, "task_id", task, "/data/task_id");
        JsonNode workflow = body("POST", "/api/v1/workflows", "POST /api/v1/workflows", key);
        put(ids, "workflow_id", workflow, "/data/workflow_id");
        if (ids.containsKey("workflow_id")) {
            JsonNode run = body("POST", "/api/v1/workflows/" + ids.get("workflow_id") + "/runs",
                    "POST /api/v1/workflows/{workflow_id}/runs", key);
            put(ids, "run_id", run, "/data/workflow_run_id");
        }
        JsonNode apiKey = body("POST", "/api/v1/api_keys", "POST /api/v1/api_keys", key);
        put(ids, "api_key_id", apiKey, "/data/api_key_id");
    }

    private JsonNode body(String method, String path, String seedKey, String key) {
        Object seed = FuzzRoute.SeedBodies.known(seedKey).orElseThrow();
        LiveServer.Reply reply = server.call(method, path, seed, key, Map.of());
        if (reply.status() >= 500) {
            throw new AssertionError("Fixture " + method + " " + path + " failed: " + reply.text());
        }
        return reply.status() < 300 ? reply.json() : Json.mapper().createObjectNode();
    }

    private static void put(Map<String, String> ids, String name, JsonNode body, String pointer) {
        String id = body.at(pointer).asText("");
        if (!id.isEmpty()) {
            ids.put(name, id);
        }
    }
}
