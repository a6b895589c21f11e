package io.skyvern.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/credentials and /api/v1/totp_codes: metadata only out, rules as 400, shapes as 422. */
class LoginEndpointsIT {
    private static final String PASSWORD = "c0rrect-h0rse-battery";
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
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
    void a_credential_is_stored_and_shown_without_any_secret_value() {
        TestServer.Response created = s.post("/api/v1/credentials", Map.of("name", "Shop", "username", "ann@shop.test",
                "password", PASSWORD, "totp_secret", TOTP_SECRET, "allowed_domains", List.of("shop.test")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().at("/data/credential_id").asText();
        assertThat(id).startsWith("cred_");
        assertThat(created.json().at("/data/has_totp").asBoolean()).isTrue();
        assertThat(created.json().at("/data/allowed_domains/0").asText()).isEqualTo("shop.test");

        for (TestServer.Response r : List.of(created, s.get("/api/v1/credentials"), s.get("/api/v1/credentials/" + id))) {
            assertThat(r.status()).isEqualTo(200 + (r == created ? 1 : 0));
            assertThat(r.text()).doesNotContain(PASSWORD).doesNotContain(TOTP_SECRET).doesNotContain("ann@shop.test");
        }
        assertThat(s.get("/api/v1/credentials").json().at("/data").toString()).contains(id);
    }

    @Test
    void another_organisation_sees_no_credential_and_a_deleted_one_is_gone() {
        String id = s.post("/api/v1/credentials", Map.of("name", "Mine", "username", "u", "password", "p"))
                .json().at("/data/credential_id").asText();
        String other = s.newOrganizationKey("other-creds");
        assertThat(s.get("/api/v1/credentials/" + id, other).errorCode()).isEqualTo("CREDENTIAL_NOT_FOUND");
        assertThat(s.send("DELETE", "/api/v1/credentials/" + id, null, other, Map.of()).status()).isEqualTo(404);

        assertThat(s.send("DELETE", "/api/v1/credentials/" + id, null, s.bootstrapKey, Map.of()).status())
                .isEqualTo(200);
        assertThat(s.get("/api/v1/credentials/" + id).status()).isEqualTo(404);
        assertThat(s.get("/api/v1/credentials/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void broken_rules_are_400_with_every_error_and_wrong_shapes_are_422() {
        TestServer.Response rules = s.post("/api/v1/credentials", Map.of("name", "", "username", "u",
                "password", "", "totp_secret", "not base32!", "allowed_domains", List.of("bad host/")));
        assertThat(rules.status()).isEqualTo(400);
        assertThat(rules.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(rules.text()).contains("name").contains("password").contains("totp_secret")
                .contains("allowed_domains").doesNotContain("not base32!");
        TestServer.Response shape = s.post("/api/v1/credentials", Map.of("name", "x", "username", "u",
                "password", "p", "allowed_domains", Map.of("a", 1)));
        assertThat(shape.status()).isEqualTo(422);
        assertThat(shape.errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void pushed_codes_are_accepted_from_a_code_or_a_message_and_never_echoed() {
        TestServer.Response code = s.post("/api/v1/totp_codes", Map.of("totp_identifier", "ann@shop.test",
                "code", "918273"));
        assertThat(code.status()).as(code.text()).isEqualTo(201);
        assertThat(code.text()).doesNotContain("918273").contains("ann@shop.test");
        TestServer.Response message = s.post("/api/v1/totp_codes", Map.of("totp_identifier", "+1 (555) 010-9999",
                "content", "Your Shop sign-in code is 552211. Do not share it."));
        assertThat(message.status()).isEqualTo(201);
        assertThat(message.json().at("/data/totp_identifier").asText()).isEqualTo("+15550109999");
        assertThat(message.text()).doesNotContain("552211");

        assertThat(s.post("/api/v1/totp_codes", Map.of("totp_identifier", "a@b.c")).status()).isEqualTo(400);
        assertThat(s.post("/api/v1/totp_codes", Map.of("totp_identifier", "a@b.c", "content", "no digits"))
                .errorCode()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void a_payload_totp_secret_is_never_in_a_task_response() {
        TestServer.Response created = s.post("/api/v1/tasks", Map.of("url", "https://shop.test", "navigation_goal",
                "Sign in", "navigation_payload", Map.of("mfa", Map.of("totp_secret", TOTP_SECRET))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().at("/data/navigation_payload/mfa/totp_secret").asText()).isEqualTo("***");
        String id = created.json().at("/data/task_id").asText();
        assertThat(s.get("/api/v1/tasks/" + id).text()).doesNotContain(TOTP_SECRET);
        assertThat(s.get("/api/v1/tasks?page_size=100").text()).doesNotContain(TOTP_SECRET);
    }

    @Test
    void a_task_naming_an_unknown_credential_or_a_bad_code_url_is_refused() {
        TestServer.Response unknown = s.post("/api/v1/tasks", Map.of("url", "https://shop.test", "navigation_goal",
                "Sign in", "credential_id", "cred_doesnotexist"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("CREDENTIAL_NOT_FOUND");
        TestServer.Response badUrl = s.post("/api/v1/tasks", Map.of("url", "https://shop.test", "navigation_goal",
                "Sign in", "totp_verification_url", "ftp://codes"));
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.text()).contains("totp_verification_url");
        TestServer.Response badSecret = s.post("/api/v1/tasks", Map.of("url", "https://shop.test", "navigation_goal",
                "Sign in", "navigation_payload", Map.of("mfa", Map.of("totp_secret", "!!", "digits", 9))));
        assertThat(badSecret.status()).isEqualTo(400);
        assertThat(badSecret.text()).contains("navigation_payload.mfa");
    }

    @Test
    void task_responses_echo_the_login_settings_but_no_secret() {
        String credential = s.post("/api/v1/credentials", Map.of("name", "Echo", "username", "echo-user",
                "password", PASSWORD)).json().at("/data/credential_id").asText();
        TestServer.Response created = s.post("/api/v1/tasks", Map.of("url", "https://shop.test", "navigation_goal",
                "Sign in", "credential_id", credential, "totp_identifier", "ann@shop.test"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().at("/data/task_id").asText();
        for (TestServer.Response r : List.of(created, s.get("/api/v1/tasks/" + id))) {
            assertThat(r.json().at("/data/credential_id").asText()).isEqualTo(credential);
            assertThat(r.json().at("/data/totp_identifier").asText()).isEqualTo("ann@shop.test");
            assertThat(r.json().at("/data/totp_verification_url").isNull()).isTrue();
            assertThat(r.text()).doesNotContain(PASSWORD).doesNotContain("echo-user");
        }
        TestServer.Response list = s.get("/api/v1/tasks?page_size=100");
        assertThat(list.json().at("/data/tasks").findValuesAsText("credential_id")).contains(credential);
        assertThat(list.text()).doesNotContain(PASSWORD);
        TestServer.Response canceled = s.post("/api/v1/tasks/" + id + "/cancel", Map.of());
        assertThat(canceled.json().at("/data/totp_identifier").asText()).as(canceled.text()).isEqualTo("ann@shop.test");
    }

    @Test
    void a_workflow_run_keeps_and_returns_its_code_source_and_refuses_bad_ones() {
        String workflow = s.post("/api/v1/workflows", Map.of("title", "Run codes", "workflow_definition",
                Map.of("blocks", List.of(Map.of("id", "w", "type", "wait", "parameters", Map.of("seconds", 1))))))
                .json().at("/data/workflow_id").asText();
        String runs = "/api/v1/workflows/" + workflow + "/runs";
        TestServer.Response started = s.post(runs, Map.of("parameters", Map.of(), "totp_verification_url",
                "https://codes.shop.test/otp"));
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        String runId = started.json().at("/data/workflow_run_id").asText();
        for (TestServer.Response r : List.of(started, s.get(runs + "/" + runId))) {
            assertThat(r.json().at("/data/totp_verification_url").asText()).isEqualTo("https://codes.shop.test/otp");
            assertThat(r.json().at("/data/totp_identifier").isNull()).isTrue();
        }
        assertThat(s.get(runs).json().at("/data/runs/0/totp_verification_url").asText())
                .isEqualTo("https://codes.shop.test/otp");
        TestServer.Response both = s.post(runs, Map.of("parameters", Map.of(), "totp_identifier", "a@shop.test",
                "totp_verification_url", "https://codes.shop.test/otp"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.text()).contains("not both");
        TestServer.Response badUrl = s.post(runs, Map.of("parameters", Map.of(), "totp_verification_url", "file:///x"));
        assertThat(badUrl.status()).isEqualTo(400);
        TestServer.Response badShape = s.post(runs, Map.of("parameters", Map.of(), "totp_identifier", List.of(1)));
        assertThat(badShape.status()).isEqualTo(422);
    }
}
