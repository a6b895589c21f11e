package io.skyvern.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The HTTP side of {@link RemoteSkyvernClient}: sends JSON with the API key, unwraps the envelope and
 * turns error envelopes back into the {@link SkyvernException} the server raised (same code,
 * message and error list), so that callers cannot tell a remote failure from a local one.
 */
final class RemoteHttp {
    private final String baseUrl;
    private final String apiKey;
    private final Duration requestTimeout;
    private final HttpClient http;

    RemoteHttp(String baseUrl, String apiKey, Duration requestTimeout) {
        String trimmed = Objects.requireNonNull(baseUrl, "baseUrl").trim();
        this.baseUrl = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        try {
            URI uri = URI.create(this.baseUrl);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR,
                    "Invalid server URL '" + baseUrl + "' (expected e.g. http://localhost:8000)");
        }
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The {@code data} of a successful answer, with the whole envelope for top-level siblings. */
    JsonNode call(String method, String path, Object body) {
        HttpResponse<byte[]> response = send(method, path, body, "application/json");
        JsonNode envelope = parse(response);
        if (response.statusCode() >= 400 || !envelope.path("success").asBoolean(false)) {
            throw error(response.statusCode(), envelope);
        }
        return envelope;
    }

    /** The raw bytes of a successful answer (artifact content). */
    byte[] bytes(String path) {
        HttpResponse<byte[]> response = send("GET", path, null, "*/*");
        if (response.statusCode() >= 400) {
            throw error(response.statusCode(), parseQuietly(response.body()));
        }
        return response.body();
    }

    private HttpResponse<byte[]> send(String method, String path, Object body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("x-api-key", apiKey)
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(serialise(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw unreachable(e);
        } catch (HttpTimeoutException e) {
            throw new SkyvernException(ErrorCode.SERVICE_UNAVAILABLE, "The Skyvern server at " + baseUrl
                    + " did not answer " + method + " " + path + " within " + requestTimeout.toSeconds() + "s",
                    List.of(), Map.of(), e);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyvernException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while calling " + baseUrl,
                    List.of(), Map.of(), e);
        }
    }

    private SkyvernException unreachable(IOException e) {
        String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        return new SkyvernException(ErrorCode.SERVICE_UNAVAILABLE,
                "Cannot reach the Skyvern server at URL: " + baseUrl + " (" + reason + ")", List.of(), Map.of(), e);
    }

    private static byte[] serialise(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise request body", e);
        }
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        JsonNode node = parseQuietly(response.body());
        if (node.isMissingNode() && response.statusCode() < 400) {
            throw new SkyvernException(ErrorCode.SERVICE_UNAVAILABLE,
                    baseUrl + " did not answer with Skyvern JSON (HTTP " + response.statusCode() + ")");
        }
        return node;
    }

    private static JsonNode parseQuietly(byte[] body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node == null ? Json.mapper().missingNode() : node;
        } catch (IOException e) {
            return Json.mapper().missingNode();
        }
    }

    /** The server's exception again: code by its wire name, else by HTTP status. */
    static SkyvernException error(int status, JsonNode envelope) {
        JsonNode error = envelope.path("error");
        ErrorCode code = byWireCode(error.path("code").asText(""), status);
        String message = error.path("message").asText("HTTP " + status);
        List<String> errors = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        error.path("details").fields().forEachRemaining(field -> {
            if (field.getKey().equals("errors") && field.getValue().isArray()) {
                field.getValue().forEach(e -> errors.add(errorText(e)));
            } else {
                details.put(field.getKey(), Json.mapper().convertValue(field.getValue(), Object.class));
            }
        });
        details.values().removeIf(Objects::isNull);
        if (errors.equals(List.of(message))) {
            // the server repeats a lone message as the error list; in-process it is just the message
            errors.clear();
        }
        return new SkyvernException(code, message, errors, details, null);
    }

    /**
     * One {@code {field, message}} back as the sentence the core wrote: the message alone when it is a
     * whole sentence about the field ("URL must start with…", "Block 0: …") or about the body, else
     * {@code field: message} ("max_steps: Expected a value of type integer").
     */
    static String errorText(JsonNode e) {
        if (!e.isObject() || !e.has("field")) {
            return e.isTextual() ? e.asText() : e.toString();
        }
        String field = e.path("field").asText();
        String message = e.path("message").asText();
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "").replace('_', ' ');
        String subject = last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
        boolean whole = field.equals("body") || lower.contains(field.toLowerCase(java.util.Locale.ROOT))
                || (!subject.isBlank() && lower.contains(subject.toLowerCase(java.util.Locale.ROOT)));
        return whole ? message : field + ": " + message;
    }

    static ErrorCode byWireCode(String wire, int status) {
        return Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(wire)).findFirst()
                // an older server's HTTP_nnn, or a status without a specific code
                .or(() -> Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(ErrorCode.forStatus(status)))
                        .findFirst())
                .orElse(status == 503 ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.INTERNAL_SERVER_ERROR);
    }

    /** {@code ?a=1&b=x} from pairs, skipping null values; empty when there are none. */
    static String query(Object... pairs) {
        StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value != null && !value.toString().isEmpty()) {
                joiner.add(pairs[i] + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        }
        return joiner.toString();
    }

    static String segment(String id) {
        if (id == null || id.isBlank()) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR, "An id is required");
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
