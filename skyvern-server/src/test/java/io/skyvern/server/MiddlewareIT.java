package io.skyvern.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class MiddlewareIT {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void request_id_is_generated_or_kept_when_well_formed() {
        TestServer.Response generated = s.get("/health");
        assertThat(generated.header("X-Request-ID")).matches("[0-9a-f-]{36}");
        TestServer.Response kept = s.send("GET", "/health", null, null, Map.of("X-Request-ID", "trace-abc.123_x"));
        assertThat(kept.header("X-Request-ID")).isEqualTo("trace-abc.123_x");
        assertThat(kept.json().at("/metadata/request_id").asText()).isEqualTo("trace-abc.123_x");
        TestServer.Response replaced = s.send("GET", "/health", null, null, Map.of("X-Request-ID", "bad id!"));
        assertThat(replaced.header("X-Request-ID")).isNotEqualTo("bad id!").matches("[0-9a-f-]{36}");
    }

    @Test
    void process_time_and_rate_limit_remaining_headers_are_present() {
        TestServer.Response r = s.get("/api/v1/organizations/me");
        assertThat(Double.parseDouble(r.header("X-Process-Time"))).isGreaterThanOrEqualTo(0.0);
        assertThat(Integer.parseInt(r.header("X-Rate-Limit-Remaining"))).isGreaterThanOrEqualTo(0);
        assertThat(s.get("/health").header("X-Rate-Limit-Remaining")).isNull();
    }

    @Test
    void missing_or_invalid_key_is_401_http_401() {
        TestServer.Response missing = s.get("/api/v1/tasks", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.errorCode()).isEqualTo("UNAUTHORIZED");
        TestServer.Response invalid = s.get("/api/v1/tasks", "sk_wrong");
        assertThat(invalid.status()).isEqualTo(401);
        assertThat(invalid.json().get("success").asBoolean()).isFalse();
        TestServer.Response bearer = s.send("GET", "/api/v1/tasks", null, null,
                Map.of("Authorization", "Bearer " + s.bootstrapKey));
        assertThat(bearer.status()).isEqualTo(200);
    }

    @Test
    void unknown_route_is_404_and_wrong_method_is_405_as_json_envelopes() {
        TestServer.Response unknown = s.get("/api/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(unknown.header("Content-Type")).startsWith("application/json");
        TestServer.Response wrong = s.send("DELETE", "/api/v1/tasks", null, s.bootstrapKey, Map.of());
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void body_over_the_limit_is_413_every_time() {
        // Refused before it is read, the body used to be left in the socket; the close then reset
        // the connection and, now and then, the client saw no answer at all instead of 413.
        String big = "{\"url\":\"https://example.com\",\"navigation_goal\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        for (int i = 0; i < 20; i++) {
            TestServer.Response r = s.post("/api/v1/tasks", big);
            assertThat(r.status()).as("attempt %d", i).isEqualTo(413);
            assertThat(r.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void cors_preflight_and_exposed_headers() {
        TestServer.Response preflight = s.send("OPTIONS", "/api/v1/tasks", null, null, Map.of(
                "Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "x-api-key,content-type"));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("x-api-key");
        TestServer.Response simple = s.send("GET", "/health", null, null, Map.of("Origin", "http://localhost:3000"));
        assertThat(simple.header("Access-Control-Expose-Headers")).contains("X-Request-ID", "X-Rate-Limit-Remaining");
    }

    @Test
    void large_responses_are_gzipped_when_asked_and_small_ones_are_not() throws IOException {
        for (int i = 0; i < 8; i++) {
            s.post("/api/v1/tasks", Map.of("url", "https://example.com", "navigation_goal", "gzip me " + "y".repeat(100)));
        }
        TestServer.Response big = s.send("GET", "/api/v1/tasks?page_size=100", null, s.bootstrapKey,
                Map.of("Accept-Encoding", "gzip"));
        assertThat(big.header("Content-Encoding")).isEqualTo("gzip");
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(big.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(unzipped).contains("\"success\":true");
        TestServer.Response small = s.send("GET", "/health", null, null, Map.of("Accept-Encoding", "gzip"));
        assertThat(small.header("Content-Encoding")).isNull();
    }

    @Test
    void metrics_expose_request_counts_by_route_template() {
        s.get("/api/v1/tasks/tsk_missing");
        TestServer.Response metrics = s.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("http_server_requests_seconds_count")
                .contains("route=\"/api/v1/tasks/{task_id}\"").doesNotContain("tsk_missing");
    }

    @Test
    void health_reports_the_database() {
        TestServer.Response r = s.get("/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/data/checks/database").asText()).isEqualTo("ok");
    }
}
