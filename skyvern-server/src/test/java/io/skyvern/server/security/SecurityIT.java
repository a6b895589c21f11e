package io.skyvern.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.server.fuzz.DbSnapshot;
import io.skyvern.server.fuzz.LiveServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security properties checked against a running server and its database: keys are stored only as
 * hashes, and one organisation can neither read, change nor list another's objects.
 */
class SecurityIT {
    static LiveServer s;
    static String otherKey;
    static Map<String, String> otherIds;

    @BeforeAll
    static void start() {
        s = LiveServer.start("development", c -> c);
        otherKey = s.call("POST", "/api/v1/organizations", Map.of("name", "Other")).json()
                .at("/data/api_key/api_key").asText();
        otherIds = OrgObjects.create(s, otherKey);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void api_keys_are_stored_only_as_hashes() {
        List<String> plaintext = new ArrayList<>(List.of(s.bootstrapKey, otherKey));
        for (int i = 0; i < 3; i++) {
            LiveServer.Reply created = s.call("POST", "/api/v1/api_keys", Map.of("name", "k" + i));
            assertThat(created.status()).isEqualTo(201);
            plaintext.add(created.json().at("/data/api_key").asText());
        }
        plaintext.add(s.call("POST", "/api/v1/organizations", Map.of("name", "Third")).json()
                .at("/data/api_key/api_key").asText());
        DbSnapshot db = new DbSnapshot(s.database);
        assertThat(db.cellCount()).as("the scan reads cells").isPositive();
        for (String key : plaintext) {
            assertThat(key).hasSizeGreaterThan(20);
            // the whole key, and any long part of it that is not the documented visible prefix
            assertThat(db.cellsContaining(key)).as("cells holding a plaintext key").isEmpty();
            assertThat(db.cellsContaining(key.substring(key.length() - 16))).as("cells holding a key's tail").isEmpty();
            assertThat(s.call("GET", "/api/v1/organizations/me", null, key, Map.of()).status())
                    .as("the key still works").isEqualTo(200);
        }
        JsonNode listed = s.call("GET", "/api/v1/api_keys", null).json().get("data");
        for (JsonNode k : listed) {
            assertThat(k.has("api_key")).as("a listed key shows no secret").isFalse();
        }
    }

    @Test
    void another_organisations_objects_are_404_on_every_endpoint_and_never_listed() {
        DbSnapshot db = new DbSnapshot(s.database);
        List<String> before = db.take();
        int probed = 0;
        for (String route : s.server.routes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            if (!path.contains("{") || method.equals("HEAD") || method.equals("OPTIONS")
                    || path.startsWith("/ui/")) {
                continue;  // dashboard pages take a session cookie, not a key: DashboardIT checks them
            }
            String concrete = OrgObjects.fill(path, otherIds);
            Object body = OrgObjects.validBody(method, path);
            LiveServer.Reply r = s.call(method, concrete, body);
            assertThat(r.status()).as(method + " " + concrete + " with the wrong organisation: " + r.text())
                    .isEqualTo(404);
            probed++;
        }
        assertThat(probed).isGreaterThanOrEqualTo(15);
        assertThat(db.take()).as("nothing changed").isEqualTo(before);
        // and the owner still sees them
        assertThat(s.call("GET", "/api/v1/tasks/" + otherIds.get("task_id"), null, otherKey, Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    void lists_never_contain_another_organisations_objects() {
        Map<String, String> mine = OrgObjects.create(s, s.bootstrapKey);
        String everything = String.join("\n",
                s.call("GET", "/api/v1/tasks?page_size=100", null).text(),
                s.call("GET", "/api/v1/workflows?page_size=100", null).text(),
                s.call("GET", "/api/v1/workflows/" + mine.get("workflow_id") + "/runs?page_size=100", null).text(),
                s.call("GET", "/api/v1/api_keys", null).text());
        assertThat(everything).contains(mine.get("task_id"), mine.get("workflow_id"), mine.get("run_id"));
        for (String foreignId : otherIds.values()) {
            assertThat(everything).doesNotContain(foreignId);
        }
        assertThat(everything).doesNotContain(s.call("GET", "/api/v1/organizations/me", null, otherKey, Map.of())
                .json().at("/data/organization_id").asText());
    }

    @Test
    void random_and_guessed_ids_are_404() {
        Random random = new Random(42);
        List<String> templates = List.of("/api/v1/tasks/%s", "/api/v1/tasks/%s/steps", "/api/v1/workflows/%s",
                "/api/v1/workflows/%s/runs", "/api/v1/workflows/" + otherIds.get("workflow_id") + "/runs/%s");
        for (int i = 0; i < 40; i++) {
            String prefix = List.of("tsk_", "wf_", "wr_", "ak_", "").get(random.nextInt(5));
            String id = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10 + random.nextInt(16));
            String path = String.format(templates.get(random.nextInt(templates.size())), id);
            LiveServer.Reply r = s.call("GET", path, null);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().at("/success").asBoolean()).isFalse();
        }
        // a foreign id with one character changed is simply unknown, also for its owner
        String task = otherIds.get("task_id");
        String mutated = task.substring(0, task.length() - 1) + (task.endsWith("a") ? "b" : "a");
        assertThat(s.call("GET", "/api/v1/tasks/" + mutated, null, otherKey, Map.of()).status()).isEqualTo(404);
    }
}
