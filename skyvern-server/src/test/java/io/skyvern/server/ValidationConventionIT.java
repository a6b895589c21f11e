package io.skyvern.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One convention on every endpoint: a body that does not fit the schema is 422 VALIDATION_ERROR, a
 * rule violation is 400 (VALIDATION_FAILED or a specific code); both list {field, message}.
 */
class ValidationConventionIT {
    static TestServer s;
    static final String TASK = "\"url\":\"https://a.test\",\"navigation_goal\":\"go\"";

    @BeforeAll
    static void start() {
        s = TestServer.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static void assertError(TestServer.Response r, int status, String code, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.errorCode()).isEqualTo(code);
        JsonNode errors = r.json().at("/error/details/errors");
        assertThat(errors.isArray()).as(r.text()).isTrue();
        assertThat(errors).as(r.text()).allSatisfy(e -> {
            assertThat(e.path("field").isTextual()).isTrue();
            assertThat(e.path("message").isTextual()).isTrue();
        });
        assertThat(errors.findValuesAsText("field")).as(r.text()).contains(field);
    }

    private static String workflow(String blockJson) {
        return "{\"title\":\"W\",\"workflow_definition\":{\"blocks\":[" + blockJson + "]}}";
    }

    @Test
    void a_missing_required_field_is_422() {
        assertError(s.post("/api/v1/tasks", "{\"navigation_goal\":\"go\"}"), 422, "VALIDATION_ERROR", "url");
        assertError(s.post("/api/v1/tasks", "{\"url\":null,\"navigation_goal\":\"go\"}"), 422, "VALIDATION_ERROR", "url");
        assertError(s.post("/api/v1/organizations", "{}"), 422, "VALIDATION_ERROR", "name");
        TestServer.Response credential = s.post("/api/v1/credentials", "{\"name\":\"c\"}");
        assertError(credential, 422, "VALIDATION_ERROR", "username");
        assertThat(credential.json().at("/error/details/errors").findValuesAsText("field")).contains("password");
        assertError(s.post("/api/v1/totp_codes", "{\"code\":\"123456\"}"), 422, "VALIDATION_ERROR",
                "totp_identifier");
    }

    @Test
    void a_wrong_type_is_422_and_never_coerced() {
        assertError(s.post("/api/v1/tasks", "{" + TASK.replace("\"go\"", "true") + "}"), 422, "VALIDATION_ERROR",
                "navigation_goal");
        assertError(s.post("/api/v1/tasks", "{" + TASK + ",\"max_steps\":2.5}"), 422, "VALIDATION_ERROR", "max_steps");
        assertError(s.post("/api/v1/tasks", "{" + TASK + ",\"max_steps\":\"3\"}"), 422, "VALIDATION_ERROR", "max_steps");
        assertError(s.post("/api/v1/tasks", "{" + TASK + ",\"title\":12}"), 422, "VALIDATION_ERROR", "title");
        assertError(s.post("/api/v1/workflows", "{\"title\":\"W\",\"is_active\":\"yes\"}"), 422, "VALIDATION_ERROR",
                "is_active");
        assertThat(s.post("/api/v1/tasks", "{" + TASK + ",\"max_steps\":3}").status()).isEqualTo(201);
    }

    @Test
    void an_unknown_field_at_any_depth_is_422_with_its_path() {
        assertError(s.post("/api/v1/tasks", "{" + TASK + ",\"sekonds\":3}"), 422, "VALIDATION_ERROR", "sekonds");
        assertError(s.post("/api/v1/workflows", workflow("{\"id\":\"w\",\"type\":\"wait\",\"parameters\":{\"sekonds\":3}}")),
                422, "VALIDATION_ERROR", "workflow_definition.blocks[0].parameters.sekonds");
        assertError(s.post("/api/v1/workflows", workflow("{\"id\":\"w\",\"type\":\"wait\",\"colour\":1,"
                + "\"parameters\":{\"seconds\":3}}")), 422, "VALIDATION_ERROR", "workflow_definition.blocks[0].colour");
        assertError(s.post("/api/v1/workflows", "{\"title\":\"W\",\"workflow_definition\":{\"blocks\":[{\"id\":\"w\","
                + "\"type\":\"wait\",\"parameters\":{\"seconds\":3}}],\"extra\":[]}}"), 422, "VALIDATION_ERROR",
                "workflow_definition.extra");
        assertThat(s.post("/api/v1/workflows", workflow("{\"id\":\"w\",\"type\":\"wait\",\"parameters\":{\"seconds\":3}}"))
                .status()).isEqualTo(201);
    }

    @Test
    void rule_violations_are_400_with_field_errors() {
        assertError(s.post("/api/v1/tasks", "{\"url\":\"\",\"navigation_goal\":\"go\"}"), 400, "VALIDATION_FAILED", "url");
        assertError(s.post("/api/v1/organizations", "{\"name\":\"  \"}"), 400, "VALIDATION_FAILED", "name");
        assertError(s.post("/api/v1/api_keys", Map.of("name", "k".repeat(5000))), 400, "VALIDATION_FAILED", "name");
        assertError(s.post("/api/v1/workflows", "{\"title\":\"\",\"workflow_definition\":{\"blocks\":[]}}"), 400,
                "WORKFLOW_VALIDATION_FAILED", "title");
    }

    @Test
    void template_syntax_is_checked_when_a_workflow_is_saved() {
        TestServer.Response unterminated = s.post("/api/v1/workflows", workflow("{\"id\":\"n\",\"type\":\"navigation\","
                + "\"parameters\":{\"url\":\"https://a.test\",\"navigation_goal\":\"find {{ params.x \"}}"));
        assertError(unterminated, 400, "WORKFLOW_VALIDATION_FAILED",
                "workflow_definition.blocks[0].parameters.navigation_goal");
        TestServer.Response braces = s.post("/api/v1/workflows",
                workflow("{\"id\":\"c\",\"type\":\"code\",\"parameters\":{\"code\":\"return {{{;\"}}"));
        assertError(braces, 400, "WORKFLOW_VALIDATION_FAILED", "workflow_definition.blocks[0].parameters.code");
        TestServer.Response fine = s.post("/api/v1/workflows", workflow("{\"id\":\"n\",\"type\":\"navigation\","
                + "\"parameters\":{\"url\":\"https://a.test\",\"navigation_goal\":\"find {{ params.x }}\"}}"));
        assertThat(fine.status()).as(fine.text()).isEqualTo(201);
        String id = fine.json().at("/data/workflow_id").asText();
        TestServer.Response update = s.send("PUT", "/api/v1/workflows/" + id,
                workflow("{\"id\":\"c\",\"type\":\"code\",\"parameters\":{\"code\":\"{% if x %}open\"}}"), s.bootstrapKey,
                Map.of());
        assertError(update, 400, "WORKFLOW_VALIDATION_FAILED", "workflow_definition.blocks[0].parameters.code");
    }
}
