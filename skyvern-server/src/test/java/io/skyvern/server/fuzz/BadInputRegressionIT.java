package io.skyvern.server.fuzz;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The 5xx and non-envelope answers ApiFuzzIT found, one focused case each. */
class BadInputRegressionIT {
    static LiveServer s;
    static final String WORKFLOW = """
            {"title":"W","workflow_definition":{"blocks":[{"id":"nav","type":"navigation",
             "parameters":{"url":"https://a.test","navigation_goal":"go"}}]},
             "parameter_schema":{"type":"object","properties":{"n":{"enum":[%s]}}}}""";

    @BeforeAll
    static void start() {
        s = LiveServer.start("development", c -> c);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static void assertEnvelopeError(LiveServer.Reply r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().at("/success").asBoolean()).isFalse();
        assertThat(r.json().at("/error/code").asText()).isNotBlank();
        assertThat(r.json().at("/metadata/request_id").asText()).isEqualTo(r.header("X-Request-ID"));
    }

    /** Jetty closes the connection after refusing a request; the client may reuse it once more (see ApiFuzzIT). */
    private static LiveServer.Reply resent(java.util.function.Supplier<LiveServer.Reply> call) {
        try {
            return call.get();
        } catch (java.io.UncheckedIOException dropped) {
            s.resetConnections();
            return call.get();
        }
    }

    @Test
    void unknown_charset_in_content_type_is_not_a_500() {
        LiveServer.Reply r = s.call("POST", "/api/v1/workflows", String.format(WORKFLOW, "1"), s.bootstrapKey,
                Map.of("Content-Type", "application/json; charset=nonsense"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    @Test
    void numbers_beyond_double_are_422_not_500() {
        assertEnvelopeError(s.call("POST", "/api/v1/workflows", String.format(WORKFLOW, "1e400")), 422);
        LiveServer.Reply r = s.call("POST", "/api/v1/workflows", String.format(WORKFLOW, "-1e400"));
        assertEnvelopeError(r, 422);
        assertThat(r.text()).contains("parameter_schema.properties.n.enum[0]");
        LiveServer.Reply yaml = s.call("POST", "/api/v1/workflows", "title: W\nparameter_schema: {enum: [.inf]}\n",
                s.bootstrapKey, Map.of("Content-Type", "application/yaml"));
        assertEnvelopeError(yaml, 422);
    }

    @Test
    void oversized_error_code_mapping_is_refused_before_the_database() {
        LiveServer.Reply r = s.call("POST", "/api/v1/tasks", Map.of("url", "https://a.test", "navigation_goal", "go",
                "error_code_mapping", Map.of("E", "A".repeat(100_000))));
        assertEnvelopeError(r, 400);
        assertThat(r.text()).contains("error_code_mapping too large");
        // escapes count: 20,000 control characters are 120,000 characters once stored as JSON
        assertEnvelopeError(s.call("POST", "/api/v1/tasks", Map.of("url", "https://a.test", "navigation_goal", "go",
                "error_code_mapping", Map.of("E", "\u0001".repeat(20_000)))), 400);
    }

    @Test
    void null_key_or_value_in_error_code_mapping_is_400_not_500() {
        LiveServer.Reply r = s.call("POST", "/api/v1/tasks", "{\"url\":\"https://a.test\",\"navigation_goal\":\"go\","
                + "\"error_code_mapping\":{\"E\":null}}");
        assertEnvelopeError(r, 400);
        assertThat(r.text()).contains("error_code_mapping value for 'E' must not be blank");
    }

    @Test
    void nul_characters_are_422_before_reaching_the_database() {
        // PostgreSQL refuses NUL in text columns: these were 500s in the PostgreSQL pass
        LiveServer.Reply key = s.call("POST", "/api/v1/api_keys", "{\"name\":\"nul\\u0000inside\"}");
        assertEnvelopeError(key, 422);
        assertThat(key.text()).contains("\"field\":\"name\"");
        assertEnvelopeError(s.call("POST", "/api/v1/tasks", "{\"url\":\"https://a.test\",\"navigation_goal\":\"go\","
                + "\"navigation_payload\":{\"a\\u0000\":1}}"), 422);
        // Jetty itself refuses some encoded NULs (400); the rest is ours (422); never a 500
        for (String path : List.of("/api/v1/tasks?search=%00", "/api/v1/tasks/tsk_%00",
                "/api/v1/workflows?search=a%00b", "/api/v1/workflows/wf_%00/runs?status=%00")) {
            LiveServer.Reply r = s.call("GET", path, null);
            assertEnvelopeError(r, r.status() == 400 ? 400 : 422);
        }
    }

    @Test
    void oversized_cancel_reasons_are_400() {
        String task = s.call("POST", "/api/v1/tasks", Map.of("url", "https://a.test", "navigation_goal", "go"))
                .json().at("/data/task_id").asText();
        assertEnvelopeError(s.call("POST", "/api/v1/tasks/" + task + "/cancel", Map.of("reason", "A".repeat(100_000))),
                400);
        String wf = s.call("POST", "/api/v1/workflows", String.format(WORKFLOW, "1")).json()
                .at("/data/workflow_id").asText();
        String run = s.call("POST", "/api/v1/workflows/" + wf + "/runs", Map.of("parameters", Map.of()))
                .json().at("/data/workflow_run_id").asText();
        assertEnvelopeError(s.call("POST", "/api/v1/workflows/" + wf + "/runs/" + run + "/cancel",
                Map.of("reason", "A".repeat(100_000))), 400);
        assertThat(s.call("POST", "/api/v1/workflows/" + wf + "/runs/" + run + "/cancel",
                Map.of("reason", "A".repeat(2000))).status()).isEqualTo(200);
    }

    @Test
    void requests_jetty_refuses_get_the_json_envelope_for_every_method() {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            assertEnvelopeError(resent(() -> s.call(method, "/api/v1/tasks", null, s.bootstrapKey,
                    Map.of("X-Big", "H".repeat(100_000)))), 431);
            assertEnvelopeError(resent(() -> s.call(method, "/api/v1/tasks?search=" + "s".repeat(20_000), null)), 414);
            byte[] head = (method + " /api/v1/tasks/\u00ff\u00fe HTTP/1.1\r\nHost: x\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            assertEnvelopeError(s.sendRaw(head, null), 400);
        }
        byte[] ctl = "GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEnvelopeError(s.sendRaw(ctl, null), 400);
    }
    /**
     * A request refused before its body is read (405, 401, 404) used to leave the body in the socket;
     * the close that followed could reset the connection and swallow the answer (ApiFuzzIT seed
     * 9048014490421, case 1525). Each of these must be answered at the first try.
     */
    @Test
    void refused_requests_with_large_unread_bodies_are_always_answered() {
        byte[] body = ("{\"a\":" .repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
        List<List<String>> json = List.of(List.of("Content-Type", "application/json"));
        List<List<String>> keyed = List.of(List.of("Content-Type", "application/json"), List.of("x-api-key", s.bootstrapKey));
        int unanswered = 0;
        for (int i = 0; i < 30; i++) {
            s.resetConnections();
            try {
                assertThat(s.send("PATCH", "/api/v1/workflows/wf_missing", keyed, body).status()).isEqualTo(405);
                assertThat(s.send("DELETE", "/api/v1/tasks/tsk_missing", keyed, body).status()).isEqualTo(405);
                assertThat(s.send("POST", "/api/v1/tasks", json, body).status()).isEqualTo(401);
                assertThat(s.send("POST", "/api/v1/nothing-here", keyed, body).status()).isEqualTo(404);
            } catch (java.io.UncheckedIOException noAnswer) {
                unanswered++;
            }
        }
        assertThat(unanswered).as("requests that got no answer").isZero();
    }
}
