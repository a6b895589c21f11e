package io.skyvern.server.http;

import io.javalin.http.Context;
import io.skyvern.common.Json;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the specification's envelope: {@code {"success":true,"data":…,"metadata":{request_id,
 * timestamp,…}}}, with optional top-level siblings such as {@code validation} or
 * {@code execution_info}.
 */
public final class ApiResponses {
    private ApiResponses() {
    }

    public static void ok(Context ctx, Object data) {
        write(ctx, 200, data, Map.of(), Map.of());
    }

    public static void created(Context ctx, Object data) {
        write(ctx, 201, data, Map.of(), Map.of());
    }

    public static void write(Context ctx, int status, Object data, Map<String, Object> topLevel,
                             Map<String, Object> extraMetadata) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("data", data);
        body.putAll(topLevel);
        Map<String, Object> metadata = metadata(ctx);
        metadata.putAll(extraMetadata);
        body.put("metadata", metadata);
        json(ctx, status, body);
    }

    public static Map<String, Object> metadata(Context ctx) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("request_id", RequestAttributes.requestId(ctx));
        metadata.put("timestamp", Instant.now().toString());
        return metadata;
    }

    /** Serialises with the product's snake_case mapper, straight to UTF-8 bytes. */
    public static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(Json.mapper().writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise response", e);
        }
    }
}
