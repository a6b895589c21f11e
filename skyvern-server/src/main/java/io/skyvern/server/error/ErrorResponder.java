package io.skyvern.server.error;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.server.http.ApiResponses;
import io.skyvern.server.http.FieldError;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.RequestValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code {"success":false,"error":{"code","message","details"},"metadata":{…}}} for every
 * failure. In production the text of unexpected exceptions is never shown (it is logged with the
 * request id).
 */
public final class ErrorResponder {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);
    private final boolean production;

    public ErrorResponder(boolean production) {
        this.production = production;
    }

    public void skyvern(SkyvernException e, Context ctx) {
        ErrorCode code = e.errorCode();
        Map<String, Object> details = new LinkedHashMap<>(e.details());
        if (!e.errors().isEmpty() || code.httpStatus() == 400 || code == ErrorCode.VALIDATION_ERROR) {
            details.put("errors", RuleErrors.of(e.errors().isEmpty() ? List.of(e.reason()) : e.errors()).stream()
                    .map(ErrorResponder::fieldError).toList());
        }
        if (code.httpStatus() >= 500) {
            LOG.error("Request {} failed: {}", RequestAttributes.requestId(ctx), e.getMessage(), e);
        }
        write(ctx, code.httpStatus(), code.code(), e.reason(), details);
    }

    public void validation(RequestValidationException e, Context ctx) {
        List<Map<String, String>> errors = e.fieldErrors().stream()
                .map(ErrorResponder::fieldError).toList();
        write(ctx, 422, ErrorCode.VALIDATION_ERROR.code(), "Request validation failed", Map.of("errors", errors));
    }

    public void http(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String message = switch (status) {
            case 404 -> "Not found: " + ctx.method() + " " + ctx.path();
            case 405 -> "Method " + ctx.method() + " not allowed on " + ctx.path();
            case 413 -> "Request body too large";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? "HTTP " + status : e.getMessage();
        };
        write(ctx, status, ErrorCode.forStatus(status), message, Map.of());
    }

    public void unexpected(Exception e, Context ctx) {
        LOG.error("Unhandled exception on {} {} (request {})", ctx.method(), ctx.path(),
                RequestAttributes.requestId(ctx), e);
        Map<String, Object> details = production ? Map.of()
                : Map.of("exception", e.getClass().getSimpleName() + ": " + e.getMessage());
        write(ctx, 500, ErrorCode.INTERNAL_SERVER_ERROR.code(), "An unexpected error occurred", details);
    }

    /** Writes one error envelope; also used by middleware that refuses a request before routing. */
    public static void write(Context ctx, int status, String code, String message, Map<String, Object> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", error);
        body.put("metadata", ApiResponses.metadata(ctx));
        ApiResponses.json(ctx, status, body);
    }

    private static Map<String, String> fieldError(FieldError error) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("field", error.field());
        map.put("message", error.message());
        return map;
    }
}
