package io.skyvern.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.common.Json;
import io.skyvern.config.LlmConfig;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Anthropic's Messages API ({@code POST {baseUrl}/v1/messages}). System messages become the
 * top-level {@code system} text; images are base64 {@code image} blocks. The API has no JSON mode,
 * so a JSON request adds one sentence to the system prompt. Thread-safe.
 */
public final class AnthropicClient implements LlmClient {
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    public static final String API_VERSION = "2023-06-01";
    static final String JSON_INSTRUCTION = "Answer with one JSON object only, without prose or code fences.";

    private final LlmConfig config;
    private final LlmPriceTable prices;
    private final LlmHttp http;
    private final URI endpoint;

    public AnthropicClient(LlmConfig config, LlmPriceTable prices, RetryPolicy retryPolicy) {
        this(config, prices, retryPolicy, LlmHttp.REAL_SLEEP);
    }

    AnthropicClient(LlmConfig config, LlmPriceTable prices, RetryPolicy retryPolicy, LlmHttp.Sleeper sleeper) {
        this.config = Objects.requireNonNull(config, "config");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.http = new LlmHttp("anthropic", config.timeout(), retryPolicy, config.apiKey(), sleeper);
        String base = OpenAiCompatibleClient.stripSlash(config.baseUrl().isBlank() ? DEFAULT_BASE_URL : config.baseUrl().strip());
        // Accept both "https://api.anthropic.com" and "https://api.anthropic.com/v1".
        this.endpoint = URI.create(base.endsWith("/v1") ? base + "/messages" : base + "/v1/messages");
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        Objects.requireNonNull(request, "request");
        long start = System.nanoTime();
        String model = request.modelOverride().orElse(config.model());
        JsonNode answer = http.post(endpoint, headers(), body(request, model).toString());
        if (!answer.path("content").isArray()) {
            throw new LlmException("anthropic LLM answer has no content", false, 200, 1, null);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : answer.path("content")) {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText());
            }
        }
        TokenUsage usage = TokenUsage.reportedOrCounted(answer.path("usage").path("input_tokens").asLong(0),
                answer.path("usage").path("output_tokens").asLong(0), request, text.toString());
        long in = usage.input();
        long out = usage.output();
        String answeredBy = answer.path("model").isTextual() ? answer.path("model").asText() : model;
        long latency = (System.nanoTime() - start) / 1_000_000;
        return new LlmResponse(text.toString(), in, out, prices.cost(answeredBy, in, out), answeredBy, latency);
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!config.apiKey().isBlank()) {
            headers.put("x-api-key", config.apiKey());
        }
        headers.put("anthropic-version", API_VERSION);
        return headers;
    }

    ObjectNode body(LlmRequest request, String model) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        body.put("max_tokens", request.maxOutputTokens());
        String system = request.messages().stream().filter(m -> m.role() == LlmRole.SYSTEM)
                .map(LlmMessage::text).collect(Collectors.joining("\n\n"));
        if (request.jsonOutput()) {
            system = system.isEmpty() ? JSON_INSTRUCTION : system + "\n\n" + JSON_INSTRUCTION;
        }
        if (!system.isEmpty()) {
            body.put("system", system);
        }
        // Anthropic's range is 0..1, OpenAI's 0..2; clamp rather than fail a portable request.
        request.temperature().ifPresent(t -> body.put("temperature", Math.min(t, 1.0)));
        ArrayNode messages = body.putArray("messages");
        for (LlmMessage message : request.messages()) {
            if (message.role() == LlmRole.SYSTEM) {
                continue;
            }
            ObjectNode node = messages.addObject();
            node.put("role", message.role().wireName());
            ArrayNode parts = node.putArray("content");
            for (LlmContent part : message.parts()) {
                if (part instanceof LlmContent.Text t) {
                    parts.addObject().put("type", "text").put("text", t.text());
                } else if (part instanceof LlmContent.Image image) {
                    ObjectNode source = parts.addObject().put("type", "image").putObject("source");
                    source.put("type", "base64").put("media_type", image.mediaType()).put("data", image.base64());
                }
            }
        }
        return body;
    }
}
