package io.skyvern.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TaskEndpointsIT {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static String createTask(String key, String goal) {
        TestServer.Response r = s.post("/api/v1/tasks",
                Map.of("url", "https://example.com", "navigation_goal", goal), key);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().at("/data/task_id").asText();
    }

    @Test
    void create_returns_201_envelope_with_queued_task_in_snake_case() {
        TestServer.Response r = s.post("/api/v1/tasks", Map.of("url", "https://example.com",
                "navigation_goal", "Find the price", "priority", "high"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.at("/data/task_id").asText()).startsWith("tsk_");
        assertThat(body.at("/data/status").asText()).isEqualTo("queued");
        assertThat(body.at("/data/priority").asText()).isEqualTo("high");
        assertThat(body.at("/data/navigation_goal").asText()).isEqualTo("Find the price");
        assertThat(body.at("/metadata/request_id").asText()).isEqualTo(r.header("X-Request-ID"));
        assertThat(body.at("/metadata/timestamp").asText()).isNotEmpty();
    }

    @Test
    void rule_violations_are_400_validation_failed_with_every_error() {
        TestServer.Response r = s.post("/api/v1/tasks", Map.of("url", "ftp://x", "navigation_goal", " "));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().at("/error/details/errors").size()).isGreaterThanOrEqualTo(2);
        assertThat(r.json().get("success").asBoolean()).isFalse();
    }

    @Test
    void malformed_json_mistyped_field_and_unknown_field_are_422_with_field_names() {
        TestServer.Response malformed = s.post("/api/v1/tasks", "{\"url\": ");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(malformed.json().at("/error/details/errors/0/field").asText()).isEqualTo("body");

        TestServer.Response mistyped = s.post("/api/v1/tasks",
                Map.of("url", "https://example.com", "navigation_goal", "g", "max_steps", "many"));
        assertThat(mistyped.status()).isEqualTo(422);
        assertThat(mistyped.json().at("/error/details/errors/0/field").asText()).isEqualTo("max_steps");

        TestServer.Response unknown = s.post("/api/v1/tasks",
                Map.of("url", "https://example.com", "navigation_goal", "g", "naviagtion_goal", "typo"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/error/details/errors/0/field").asText()).isEqualTo("naviagtion_goal");

        TestServer.Response badPriority = s.post("/api/v1/tasks",
                Map.of("url", "https://example.com", "navigation_goal", "g", "priority", "asap"));
        assertThat(badPriority.status()).isEqualTo(422);
        assertThat(badPriority.json().at("/error/details/errors/0/field").asText()).isEqualTo("priority");
    }

    @Test
    void list_pages_filters_and_echoes_filters() {
        String key = s.newOrganizationKey("lister");
        for (int i = 0; i < 3; i++) {
            createTask(key, "goal number " + i);
        }
        TestServer.Response r = s.get("/api/v1/tasks?page=1&page_size=2&status=queued&status=running"
                + "&sort_by=created_at&sort_order=asc&created_after=2000-01-01T00:00:00Z", key);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode data = r.json().get("data");
        assertThat(data.get("tasks")).hasSize(2);
        assertThat(data.at("/pagination/total_count").asLong()).isEqualTo(3);
        assertThat(data.at("/pagination/total_pages").asLong()).isEqualTo(2);
        assertThat(data.at("/pagination/has_next").asBoolean()).isTrue();
        assertThat(data.at("/pagination/has_prev").asBoolean()).isFalse();
        assertThat(data.at("/filters/status").toString()).isEqualTo("[\"queued\",\"running\"]");
        assertThat(data.at("/filters/sort_order").asText()).isEqualTo("asc");
        assertThat(data.at("/tasks/0/navigation_goal").asText()).isEqualTo("goal number 0");

        TestServer.Response search = s.get("/api/v1/tasks?search=number%202", key);
        assertThat(search.json().at("/data/tasks")).hasSize(1);
    }

    @Test
    void bad_query_parameters_are_422_naming_the_parameter() {
        assertThat(s.get("/api/v1/tasks?page_size=101").json().at("/error/details/errors/0/field").asText())
                .isEqualTo("page_size");
        assertThat(s.get("/api/v1/tasks?page=x").status()).isEqualTo(422);
        assertThat(s.get("/api/v1/tasks?status=done").json().at("/error/details/errors/0/field").asText())
                .isEqualTo("status");
        assertThat(s.get("/api/v1/tasks?created_after=yesterday").status()).isEqualTo(422);
        assertThat(s.get("/api/v1/tasks?sort_by=color").status()).isEqualTo(422);
    }

    @Test
    void get_with_includes_patch_cancel_and_cancel_again_is_409() {
        String id = createTask(s.bootstrapKey, "to cancel");
        TestServer.Response got = s.get("/api/v1/tasks/" + id + "?include_steps=true&include_artifacts=true&include_logs=true");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().at("/data/steps").isArray()).isTrue();
        assertThat(got.json().at("/data/artifacts").isArray()).isTrue();
        assertThat(got.json().at("/data/logs").isArray()).isTrue();
        assertThat(s.get("/api/v1/tasks/" + id).json().at("/data").has("steps")).isFalse();

        TestServer.Response patched = s.send("PATCH", "/api/v1/tasks/" + id, Map.of("title", "renamed"),
                s.bootstrapKey, Map.of());
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.json().at("/data/title").asText()).isEqualTo("renamed");

        TestServer.Response canceled = s.post("/api/v1/tasks/" + id + "/cancel", Map.of("reason", "no longer needed"));
        assertThat(canceled.status()).as(canceled.text()).isEqualTo(200);
        assertThat(canceled.json().at("/data/status").asText()).isEqualTo("canceled");
        assertThat(canceled.json().at("/metadata/cancellation_time_ms").isNumber()).isTrue();

        TestServer.Response again = s.post("/api/v1/tasks/" + id + "/cancel", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("TASK_ALREADY_FINISHED");

        TestServer.Response notEditable = s.send("PATCH", "/api/v1/tasks/" + id, Map.of("title", "x"),
                s.bootstrapKey, Map.of());
        assertThat(notEditable.status()).isEqualTo(409);
        assertThat(notEditable.errorCode()).isEqualTo("TASK_NOT_EDITABLE");
    }

    @Test
    void steps_artifacts_logs_and_analytics_answer_for_a_new_task() {
        String id = createTask(s.bootstrapKey, "inspect me");
        TestServer.Response steps = s.get("/api/v1/tasks/" + id + "/steps?include_actions=true&status_filter=completed");
        assertThat(steps.status()).isEqualTo(200);
        assertThat(steps.json().get("data").isArray()).isTrue();
        assertThat(steps.json().at("/metadata/total_steps").asInt()).isZero();
        assertThat(steps.json().at("/metadata/filters_applied/status_filter/0").asText()).isEqualTo("completed");
        assertThat(s.get("/api/v1/tasks/" + id + "/steps?status_filter=bogus").status()).isEqualTo(422);
        assertThat(s.get("/api/v1/tasks/" + id + "/artifacts").json().get("data").isArray()).isTrue();
        assertThat(s.get("/api/v1/tasks/" + id + "/logs").status()).isEqualTo(200);
        TestServer.Response analytics = s.get("/api/v1/tasks/" + id + "/analytics");
        assertThat(analytics.status()).as(analytics.text()).isEqualTo(200);
        assertThat(analytics.json().at("/data/task_id").asText()).isEqualTo(id);
    }

    @Test
    void unknown_task_is_404_task_not_found() {
        TestServer.Response r = s.get("/api/v1/tasks/tsk_nope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("TASK_NOT_FOUND");
        assertThat(s.get("/api/v1/tasks/tsk_nope/steps").status()).isEqualTo(404);
        assertThat(s.post("/api/v1/tasks/tsk_nope/cancel", null).status()).isEqualTo(404);
    }

    @Test
    void another_organisations_task_is_404_and_absent_from_lists() {
        String keyA = s.newOrganizationKey("org a");
        String keyB = s.newOrganizationKey("org b");
        String id = createTask(keyA, "private to a");
        assertThat(s.get("/api/v1/tasks/" + id, keyA).status()).isEqualTo(200);
        assertThat(s.get("/api/v1/tasks/" + id, keyB).status()).isEqualTo(404);
        assertThat(s.post("/api/v1/tasks/" + id + "/cancel", null, keyB).status()).isEqualTo(404);
        assertThat(s.get("/api/v1/tasks/" + id + "/steps", keyB).status()).isEqualTo(404);
        assertThat(s.get("/api/v1/tasks", keyB).json().at("/data/pagination/total_count").asLong()).isZero();
    }
}
