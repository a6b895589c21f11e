package io.skyvern.workflow.engine;

import io.skyvern.netpolicy.NetworkPolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.common.Json;
import io.skyvern.workflow.block.Block;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * http_request blocks over java.net.http. Output: {@code status_code}, {@code headers} (lower-case
 * names, values joined by ", ") and {@code body} (parsed JSON when the response says JSON, else
 * text). A non-2xx status is not a failure: the output carries it for a condition to branch on.
 * Unless private networks are allowed, loopback, private, link-local and unspecified addresses
 * are refused (SSRF). Thread-safe.
 */
final class HttpRequestRunner {
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final TemplateRenderer renderer;
    private final NetworkPolicy policy;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpRequestRunner(TemplateRenderer renderer, boolean allowPrivateNetwork) {
        this(renderer, NetworkPolicy.allowingPrivateNetwork(allowPrivateNetwork));
    }

    HttpRequestRunner(TemplateRenderer renderer, NetworkPolicy policy) {
        this.renderer = renderer;
        this.policy = policy;
    }

    BlockOutcome run(Block.HttpRequestBlock block, TemplateContext ctx) {
        String method = block.method().isNull() ? "GET"
                : renderer.render(block.method(), ctx).asText().trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            return new BlockOutcome.Failed("Unsupported HTTP method " + method);
        }
        URI uri;
        try {
            uri = URI.create(renderer.render(block.url(), ctx).asText().trim());
        } catch (IllegalArgumentException e) {
            return new BlockOutcome.Failed("Invalid url: " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            return new BlockOutcome.Failed("Only http and https URLs can be requested");
        }
        var refused = policy.refusal(uri);
        if (refused.isPresent()) {
            return new BlockOutcome.Failed("Requests to private, loopback or link-local addresses are not allowed "
                    + "(network policy: " + refused.get() + ")");
        }
        JsonNode timeoutNode = renderer.render(block.timeoutSeconds(), ctx);
        int timeout = timeoutNode.canConvertToInt() && timeoutNode.asInt() > 0 ? timeoutNode.asInt() : DEFAULT_TIMEOUT_SECONDS;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeout));
        JsonNode headers = renderer.render(block.headers(), ctx);
        headers.fields().forEachRemaining(h -> request.header(h.getKey(), h.getValue().asText()));
        JsonNode body = renderer.render(block.body(), ctx);
        request.method(method, bodyOf(body, headers, request));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new BlockOutcome.Succeeded(output(response));
        } catch (IOException e) {
            return new BlockOutcome.Failed("HTTP request to " + uri.getHost() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new BlockOutcome.Canceled(BlockUsage.NONE);
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(JsonNode body, JsonNode headers, HttpRequest.Builder request) {
        if (body.isNull()) {
            return HttpRequest.BodyPublishers.noBody();
        }
        boolean hasType = false;
        for (var it = headers.fieldNames(); it.hasNext(); ) {
            hasType |= it.next().equalsIgnoreCase("content-type");
        }
        if (body.isTextual()) {
            if (!hasType) {
                request.header("Content-Type", "text/plain; charset=utf-8");
            }
            return HttpRequest.BodyPublishers.ofString(body.asText());
        }
        if (!hasType) {
            request.header("Content-Type", "application/json");
        }
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    private static JsonNode output(HttpResponse<String> response) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("status_code", response.statusCode());
        ObjectNode headers = out.putObject("headers");
        response.headers().map().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        String type = response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        String text = response.body() == null ? "" : response.body();
        if (type.contains("json") && !text.isBlank()) {
            try {
                out.set("body", Json.mapper().readTree(text));
                return out;
            } catch (IOException e) {
                // a server that says JSON and sends something else: keep its text
            }
        }
        out.put("body", text);
        return out;
    }

    /** True when any address of the host is not public (loopback, private, link-local…); see {@link NetworkPolicy}. */
    static boolean isPrivate(String host) {
        if (host == null || host.isBlank()) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (NetworkPolicy.isPrivate(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;   // the request itself will fail with a clear error
        }
    }
}
