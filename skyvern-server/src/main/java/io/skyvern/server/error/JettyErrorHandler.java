package io.skyvern.server.error;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Errors Jetty answers itself, before a request reaches the application (malformed request line
 * or headers 400, URI too long 414, header section too large 431, …): the same JSON error
 * envelope as every other error instead of Jetty's HTML page. The reason is the standard phrase
 * only, never text derived from the request.
 */
public final class JettyErrorHandler extends ErrorHandler {

    /** Jetty writes error bodies only for GET, POST and HEAD by default; clients of PUT, PATCH, DELETE need them too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String requestId = UUID.randomUUID().toString();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("X-Request-ID", requestId);
        response.write(true, ByteBuffer.wrap(body(code, requestId)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = UUID.randomUUID().toString();
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        fields.put("X-Request-ID", requestId);
        return ByteBuffer.wrap(body(status, requestId));
    }

    static byte[] body(int status, String requestId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", ErrorCode.forStatus(status));
        String reason = HttpStatus.getMessage(status);
        error.put("message", reason == null ? "HTTP " + status : reason);
        error.put("details", Map.of());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("request_id", requestId);
        metadata.put("timestamp", Instant.now().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", error);
        body.put("metadata", metadata);
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise an error envelope", e);
        }
    }
}
