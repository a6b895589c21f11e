package io.skyvern.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TaskValidatorTest {
    private final TaskValidator validator = new TaskValidator(10, 50);

    private static CreateTaskRequest.Builder valid() {
        return CreateTaskRequest.builder("https://example.com/login", "Log in and open the invoices page");
    }

    private List<String> errors(CreateTaskRequest.Builder b) {
        return validator.violations(b.build());
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void a_minimal_request_is_valid() {
        assertThat(errors(valid())).isEmpty();
        validator.validate(valid().build());
    }

    @Test
    void a_full_valid_request_is_valid() {
        assertThat(errors(valid().title("t").dataExtractionGoal("get the total")
                .navigationPayload(json("{\"email\":\"a@b.c\"}"))
                .extractedInformationSchema(json("{\"type\":\"object\",\"properties\":{\"total\":{\"type\":\"number\"}}}"))
                .errorCodeMapping(Map.of("NO_INVOICE", "no invoice is listed"))
                .webhookCallbackUrl("http://127.0.0.1:8080/hook").maxSteps(50)
                .browserSessionId("pbs_0123456789abcdefghjkmnpq"))).isEmpty();
    }

    @Test
    void url_is_required() {
        assertThat(validator.violations(CreateTaskRequest.builder(null, "goal").build())).containsExactly("url is required");
        assertThat(validator.violations(CreateTaskRequest.builder("  ", "goal").build())).containsExactly("url is required");
    }

    @Test
    void url_must_be_http_or_https() {
        for (String url : List.of("ftp://example.com", "example.com", "javascript:alert(1)", "file:///etc/passwd")) {
            assertThat(validator.violations(CreateTaskRequest.builder(url, "goal").build()))
                    .as(url).containsExactly("URL must start with http:// or https://");
        }
        assertThat(validator.violations(CreateTaskRequest.builder("HTTP://EXAMPLE.COM", "goal").build())).isEmpty();
    }

    @Test
    void url_must_have_a_host() {
        for (String url : List.of("http://", "https:///path", "http://:8080/x", "https://user@/x")) {
            assertThat(validator.violations(CreateTaskRequest.builder(url, "goal").build()))
                    .as(url).containsExactly("url must be an absolute http(s) URL with a host");
        }
        assertThat(validator.violations(CreateTaskRequest.builder("http://[::1]:8080/a b?q=x y", "goal").build()))
                .isEmpty();
    }

    @Test
    void url_at_most_8192_characters() {
        String base = "https://example.com/";
        assertThat(validator.violations(CreateTaskRequest.builder(base + "a".repeat(8192 - base.length()), "g").build()))
                .isEmpty();
        assertThat(validator.violations(CreateTaskRequest.builder(base + "a".repeat(8193 - base.length()), "g").build()))
                .containsExactly("url too long (max 8192 characters)");
    }

    @Test
    void navigation_goal_must_not_be_blank() {
        assertThat(validator.violations(CreateTaskRequest.builder("https://a.b", " \n ").build()))
                .containsExactly("Navigation goal cannot be empty");
        assertThat(validator.violations(CreateTaskRequest.builder("https://a.b", null).build()))
                .containsExactly("Navigation goal cannot be empty");
    }

    @Test
    void navigation_goal_at_most_2000_characters() {
        assertThat(validator.violations(CreateTaskRequest.builder("https://a.b", "g".repeat(2000)).build())).isEmpty();
        assertThat(validator.violations(CreateTaskRequest.builder("https://a.b", "g".repeat(2001)).build()))
                .containsExactly("Navigation goal too long (max 2000 characters)");
    }

    @Test
    void title_and_extraction_goal_have_length_limits() {
        assertThat(errors(valid().title("t".repeat(500)).dataExtractionGoal("d".repeat(10_000)))).isEmpty();
        assertThat(errors(valid().title("t".repeat(501)).dataExtractionGoal("d".repeat(10_001)))).containsExactly(
                "title too long (max 500 characters)", "data_extraction_goal too long (max 10000 characters)");
    }

    @Test
    void navigation_payload_must_be_an_object_or_absent() {
        assertThat(errors(valid().navigationPayload(json("null")))).isEmpty();
        for (String bad : List.of("[1,2]", "\"text\"", "42", "true")) {
            assertThat(errors(valid().navigationPayload(json(bad)))).as(bad)
                    .containsExactly("navigation_payload must be a JSON object");
        }
    }

    @Test
    void extracted_information_schema_must_be_a_valid_json_schema() {
        assertThat(errors(valid().extractedInformationSchema(json("true")))).isEmpty();
        assertThat(errors(valid().extractedInformationSchema(json("{}")))).isEmpty();
        assertThat(errors(valid().extractedInformationSchema(json("[1]"))))
                .containsExactly("extracted_information_schema must be a JSON Schema (an object or a boolean)");
        List<String> bad = errors(valid().extractedInformationSchema(json("{\"type\":\"strin\"}")));
        assertThat(bad).isNotEmpty().allMatch(m -> m.startsWith("extracted_information_schema is not a valid JSON Schema"));
        assertThat(errors(valid().extractedInformationSchema(json("{\"properties\":{\"a\":{\"minLength\":-1}}}"))))
                .isNotEmpty();
        assertThat(errors(valid().extractedInformationSchema(json("{\"required\":\"name\"}")))).isNotEmpty();
    }

    @Test
    void error_code_mapping_keys_and_values_must_not_be_blank() {
        Map<String, String> mapping = new HashMap<>();
        mapping.put(" ", "x");
        assertThat(errors(valid().errorCodeMapping(mapping))).containsExactly("error_code_mapping keys must not be blank");
        assertThat(errors(valid().errorCodeMapping(Map.of("CODE", "")))).containsExactly(
                "error_code_mapping value for 'CODE' must not be blank");
    }

    @Test
    void webhook_callback_url_must_be_http_or_https() {
        assertThat(errors(valid().webhookCallbackUrl("https://hooks.example.com/x"))).isEmpty();
        assertThat(errors(valid().webhookCallbackUrl("ftp://hooks.example.com"))).containsExactly(
                "webhook_callback_url must be an http:// or https:// URL with a host");
        assertThat(errors(valid().webhookCallbackUrl("http://"))).containsExactly(
                "webhook_callback_url must be an http:// or https:// URL with a host");
    }

    @Test
    void max_steps_between_1_and_the_cap() {
        assertThat(errors(valid().maxSteps(1))).isEmpty();
        assertThat(errors(valid().maxSteps(50))).isEmpty();
        assertThat(errors(valid().maxSteps(0))).containsExactly("max_steps must be between 1 and 50 (got 0)");
        assertThat(errors(valid().maxSteps(51))).containsExactly("max_steps must be between 1 and 50 (got 51)");
        assertThat(validator.defaultMaxSteps()).isEqualTo(10);
    }

    @Test
    void browser_session_id_must_have_the_session_prefix() {
        assertThat(errors(valid().browserSessionId("pbs_abc"))).isEmpty();
        assertThat(errors(valid().browserSessionId("tsk_abc"))).containsExactly(
                "browser_session_id must look like pbs_<id> (got 'tsk_abc')");
        assertThat(errors(valid().browserSessionId("pbs_a b"))).hasSize(1);
    }

    @Test
    void every_violation_is_reported_together() {
        Map<String, String> mapping = Map.of("E", " ");
        CreateTaskRequest request = new CreateTaskRequest("ftp://x", "t".repeat(501), "", "d".repeat(10_001),
                json("[]"), json("{\"type\":1}"), mapping, "mailto:a@b.c", 0, "bad", null);
        SkyvernException e = catchThrowableOfType(SkyvernException.class, () -> validator.validate(request));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.reason()).isEqualTo("Task validation failed");
        assertThat(e.getMessage()).startsWith("Task validation failed: ")
                .contains("URL must start with http:// or https://", "Navigation goal cannot be empty");
        assertThat(e.errors()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(e.errors()).contains("URL must start with http:// or https://", "Navigation goal cannot be empty",
                "title too long (max 500 characters)", "data_extraction_goal too long (max 10000 characters)",
                "navigation_payload must be a JSON object", "error_code_mapping value for 'E' must not be blank",
                "webhook_callback_url must be an http:// or https:// URL with a host",
                "max_steps must be between 1 and 50 (got 0)", "browser_session_id must look like pbs_<id> (got 'bad')");
        assertThat(e.errors()).anyMatch(m -> m.startsWith("extracted_information_schema is not a valid JSON Schema"));
    }

    @Test
    void a_null_request_is_a_violation_not_a_crash() {
        assertThatThrownBy(() -> validator.validate(null)).isInstanceOf(SkyvernException.class)
                .extracting(t -> ((SkyvernException) t).errors()).isEqualTo(List.of("Request body is required"));
    }

    @Test
    void default_above_cap_is_rejected_at_construction() {
        assertThatThrownBy(() -> new TaskValidator(60, 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
