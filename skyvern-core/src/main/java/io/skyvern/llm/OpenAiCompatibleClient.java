package io.skyvern.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.common.Json;
import io.skyvern.config.LlmConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The OpenAI chat-completions protocol ({@code POST {baseUrl}/chat/completions}), spoken by OpenAI
 * and most other servers: Ollama, vLLM, LM Studio, OpenRouter, Groq, Gemini's compatible endpoint.
 * Servers differ in what they accept, so two refusals are learned once per client and not repeated:
 * a 400 about {@code response_format} (JSON mode) drops JSON mode, and a 400 about
 * {@code max_tokens} (newer OpenAI reasoning models) switches to {@code max_completion_tokens}.
 * Thread-safe.
 */
public final class OpenAiCompatibleClient implements LlmClient {
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiCompatibleClient.class);

    private final LlmConfig config;
    private final LlmPriceTable prices;
    private final LlmHttp http;
    private final URI endpoint;
    private final AtomicBoolean jsonModeUnsupported = new AtomicBoolean();
    private final AtomicBoolean useMaxCompletionTokens = new AtomicBoolean();

    public OpenAiCompatibleClient(LlmConfig config, LlmPriceTable prices, RetryPolicy retryPolicy) {
        this(config, prices, retryPolicy, LlmHttp.REAL_SLEEP);
    }

    OpenAiCompatibleClient(LlmConfig config, LlmPriceTable prices, RetryPolicy retryPolicy, LlmHttp.Sleeper sleeper) {
        this.config = Objects.requireNonNull(config, "config");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.http = new LlmHttp("openai-compatible", config.timeout(), retryPolicy, config.apiKey(), sleeper);
        String base = config.baseUrl().isBlank() ? DEFAULT_BASE_URL : config.baseUrl().strip();
        this.endpoint = URI.create(stripSlash(base) + "/chat/completions");
    }

    static String stripSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** Whether this client has learned that its server rejects JSON mode. */
    public boolean jsonModeUnsupported() {
        return jsonModeUnsupported.get();
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        Objects.requireNonNull(request, "request");
        long start = System.nanoTime();
        String model = request.modelOverride().orElse(config.model());
        JsonNode answer = null;
        // At most one fallback per learnable refusal; after that a 400 is the caller's problem.
        for (int round = 0; answer == null; round++) {
            boolean json = request.jsonOutput() && !jsonModeUnsupported.get();
            try {
                answer = http.post(endpoint, headers(), body(request, model, json).toString());
            } catch (LlmException e) {
                if (round >= 2 || !learnFrom(e, json)) {
                    throw e;
                }
            }
        }
        return toResponse(answer, request, model, start);
    }

    private boolean learnFrom(LlmException e, boolean usedJsonMode) {
        if (e.httpStatus().orElse(0) != 400) {
            return false;
        }
        String message = e.getMessage().toLowerCase(Locale.ROOT);
        if (usedJsonMode && message.contains("response_format")) {
            LOG.info("LLM server rejects response_format; asking for JSON in the prompt only from now on");
            jsonModeUnsupported.set(true);
            return true;
        }
        if (message.contains("max_tokens") && message.contains("max_completion_tokens")
                && !useMaxCompletionTokens.get()) {
            useMaxCompletionTokens.set(true);
            return true;
        }
        return false;
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!config.apiKey().isBlank()) {
            headers.put("Authorization", "Bearer " + config.apiKey());
        }
        return headers;
    }

    ObjectNode body(LlmRequest request, String model, boolean jsonMode) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (LlmMessage message : request.messages()) {
            ObjectNode node = messages.addObject();
            node.put("role", message.role().wireName());
            if (!message.hasImages()) {
                // Plain string content: the form every compatible server understands.
                node.put("content", message.text());
                continue;
            }
            ArrayNode parts = node.putArray("content");
            for (LlmContent part : message.parts()) {
                if (part instanceof LlmContent.Text text) {
                    parts.addObject().put("type", "text").put("text", text.text());
                } else if (part instanceof LlmContent.Image image) {
                    parts.addObject().put("type", "image_url").putObject("image_url").put("url", image.dataUrl());
                }
            }
        }
        body.put(useMaxCompletionTokens.get() ? "max_completion_tokens" : "max_tokens", request.maxOutputTokens());
        request.temperature().ifPresent(t -> body.put("temperature", t));
        if (jsonMode) {
            body.putObject("response_format").put("type", "json_object");
        }
        return body;
    }

    private LlmResponse toResponse(JsonNode answer, LlmRequest request, String requestedModel, long startNanos) {
        JsonNode choice = answer.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new LlmException("openai-compatible LLM answer has no choices", false, 200, 1, null);
        }
        JsonNode content = choice.path("message").path("content");
        String text = content.isTextual() ? content.asText() : joinParts(content);
        TokenUsage usage = TokenUsage.reportedOrCounted(answer.path("usage").path("prompt_tokens").asLong(0),
                answer.path("usage").path("completion_tokens").asLong(0), request, text);
        long in = usage.input();
        long out = usage.output();
        String model = answer.path("model").isTextual() ? answer.path("model").asText() : requestedModel;
        long latency = (System.nanoTime() - startNanos) / 1_000_000;
        return new LlmResponse(text, in, out, prices.cost(model, in, out), model, latency);
    }

    /** Some servers answer content as a list of parts; keep the text ones. */
    private static String joinParts(JsonNode content) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("text").isTextual()) {
                text.append(part.path("text").asText());
            }
        }
        return text.toString();
    }
}
