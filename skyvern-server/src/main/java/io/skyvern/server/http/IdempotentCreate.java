package io.skyvern.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.skyvern.common.Json;
import io.skyvern.idempotency.IdempotencyService;
import io.skyvern.idempotency.IdempotentOutcome;
import io.skyvern.idempotency.StoredResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} header of the create endpoints. Without the header the create simply
 * runs. With it, the request's fingerprint (method, path, exact body bytes) and the key go to the
 * {@link IdempotencyService}: the first request creates and its answer (status, data and top-level
 * fields) is stored; a repeat gets that answer with {@code Idempotent-Replayed: true} and fresh
 * metadata. Thread-safe.
 */
public final class IdempotentCreate {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** What a create answers: status, data and extra top-level fields of the envelope. */
    public record Created(int status, Object data, Map<String, Object> topLevel) {
        public Created {
            Objects.requireNonNull(topLevel, "topLevel");
        }
    }

    private final IdempotencyService service;
    private final Bodies bodies;

    public IdempotentCreate(IdempotencyService service, Bodies bodies) {
        this.service = Objects.requireNonNull(service, "service");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    /** Runs {@code create} (once per key when the header is present) and writes its answer. */
    public void handle(Context ctx, Supplier<Created> create) {
        String key = ctx.header(HEADER);
        if (key == null) {
            Created created = create.get();
            ApiResponses.write(ctx, created.status(), created.data(), created.topLevel(), Map.of());
            return;
        }
        IdempotencyService.checkKey(key);
        IdempotentOutcome outcome = service.execute(RequestAttributes.organizationId(ctx), key, fingerprint(ctx),
                () -> store(create.get()));
        JsonNode stored = read(outcome.response().body());
        Map<String, Object> topLevel = new LinkedHashMap<>();
        stored.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("data")) {
                topLevel.put(e.getKey(), e.getValue());
            }
        });
        if (outcome.replayed()) {
            ctx.header(REPLAYED_HEADER, "true");
        }
        ApiResponses.write(ctx, outcome.response().status(), stored.get("data"), topLevel, Map.of());
    }

    private static StoredResponse store(Created created) {
        Map<String, Object> document = new LinkedHashMap<>(created.topLevel());
        document.put("data", created.data());
        try {
            return new StoredResponse(created.status(), Json.mapper().writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the response", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotent response is not JSON", e);
        }
    }

    private String fingerprint(Context ctx) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((ctx.req().getMethod() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(bodies.rawBytes(ctx));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
