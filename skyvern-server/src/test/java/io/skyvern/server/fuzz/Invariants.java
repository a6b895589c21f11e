package io.skyvern.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The properties every answer must have, whatever was sent. */
final class Invariants {
    /** Schema (422) and rule (400) refusals: both list every problem as {field, message}. */
    private static final java.util.Set<String> VALIDATION_CODES = java.util.Set.of("VALIDATION_ERROR",
            "VALIDATION_FAILED", "WORKFLOW_VALIDATION_FAILED", "PARAMETER_VALIDATION_FAILED");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private Invariants() {
    }

    /** The first violated property, or empty. */
    static Optional<String> check(FuzzCase c, LiveServer.Reply r) {
        if (r.status() >= 500) {
            return Optional.of("server error " + r.status());
        }
        if (c.mustFail() && r.status() < 300) {
            return Optional.of("expected a refusal, got " + r.status());
        }
        if (r.header("X-Injected") != null) {
            return Optional.of("header injection through X-Request-ID");
        }
        if (r.status() == 204 && r.body().length == 0) {
            return Optional.empty();
        }
        if (r.status() < 300 && !c.route().envelope()) {
            return Optional.empty();
        }
        if (dashboardPage(c.route().path())) {
            return Optional.empty();  // HTML pages: a refusal is a redirect to sign-in or an HTML error page
        }
        if (c.route().path().equals("/mcp") && r.status() != 401 && r.status() != 429) {
            return Optional.empty();  // MCP speaks JSON-RPC: past the API key and rate limit its answers are the SDK's
        }
        String type = Optional.ofNullable(r.header("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        if (r.status() < 300 && type.startsWith("application/yaml")) {
            return Optional.empty(); // GET workflow with Accept: application/yaml
        }
        return envelope(c, r, type);
    }

    /** The dashboard's HTML pages (no API envelope; their organisation checks are in DashboardIT). */
    static boolean dashboardPage(String path) {
        return path.equals("/") || path.startsWith("/ui/") || path.equals("/ui");
    }

    private static Optional<String> envelope(FuzzCase c, LiveServer.Reply r, String type) {
        if (!type.startsWith("application/json")) {
            return Optional.of("content type '" + type + "' is not JSON");
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(r.body());
        } catch (Exception e) {
            return Optional.of("body is not JSON");
        }
        if (body == null || !body.isObject() || !body.path("success").isBoolean()) {
            return Optional.of("body is not the envelope");
        }
        boolean ok = r.status() < 300;
        if (body.get("success").asBoolean() != ok) {
            return Optional.of("success=" + body.get("success") + " with status " + r.status());
        }
        if (ok && !body.has("data")) {
            return Optional.of("success envelope without data");
        }
        if (!ok && (!body.at("/error/code").isTextual() || body.at("/error/code").asText().isBlank()
                || !body.at("/error/message").isTextual() || !body.at("/error/details").isObject())) {
            return Optional.of("error envelope without code, message and details");
        }
        if (!ok && VALIDATION_CODES.contains(body.at("/error/code").asText())) {
            JsonNode errors = body.at("/error/details/errors");
            if (!errors.isArray() || errors.isEmpty()) {
                return Optional.of("a validation error without details.errors");
            }
            for (JsonNode e : errors) {
                if (!e.path("field").isTextual() || !e.path("message").isTextual()) {
                    return Optional.of("details.errors entry is not {field, message}: " + e);
                }
            }
        }
        String requestId = body.at("/metadata/request_id").asText("");
        if (!REQUEST_ID.matcher(requestId).matches()) {
            return Optional.of("metadata.request_id missing or malformed: '" + requestId + "'");
        }
        if (!requestId.equals(r.header("X-Request-ID"))) {
            return Optional.of("X-Request-ID header " + r.header("X-Request-ID") + " differs from " + requestId);
        }
        boolean refusedByJetty = java.util.Set.of("BAD_REQUEST", "URI_TOO_LONG", "REQUEST_HEADERS_TOO_LARGE")
                .contains(body.at("/error/code").asText());
        if (c.sentRequestId() != null && !refusedByJetty && !c.sentRequestId().equals(requestId)) {
            return Optional.of("the client's X-Request-ID was not kept");
        }
        return Optional.empty();
    }
}
