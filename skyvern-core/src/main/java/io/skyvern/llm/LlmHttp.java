package io.skyvern.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP transport shared by the adapters: POSTs a JSON body and retries what is transient
 * (429, 5xx, timeouts, broken connections) under a {@link RetryPolicy}. Thread-safe.
 */
final class LlmHttp {
    /** Waits between attempts; a seam so the wait is observable. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Thread.sleep(Duration) arrived after Java 17. */
    static final Sleeper REAL_SLEEP = d -> Thread.sleep(d.toMillis());

    private static final Logger LOG = LoggerFactory.getLogger(LlmHttp.class);
    private static final int MAX_ERROR_TEXT = 300;

    private final HttpClient client;
    private final Duration timeout;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final String provider;
    private final String secret;

    LlmHttp(String provider, Duration timeout, RetryPolicy policy, String secret, Sleeper sleeper) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.secret = secret == null ? "" : secret;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        // HTTP/1.1: local servers (Ollama, vLLM) speak nothing else, and h2c upgrade attempts on
        // POSTs only add a round of negotiation.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .build();
    }

    /** POSTs {@code body}, retrying transient failures; returns the parsed JSON of a 2xx answer. */
    JsonNode post(URI uri, Map<String, String> headers, String body) {
        LlmException last = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<String> response = client.send(request(uri, headers, body),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return parse(response.body(), status, attempt);
                }
                String reason = "HTTP " + status + ": " + errorText(response.body());
                boolean retryable = status == 429 || status == 408 || status >= 500;
                if (!retryable) {
                    throw failure(reason, false, status, attempt, null);
                }
                retryAfter = RetryPolicy.parseRetryAfter(response.headers().firstValue("retry-after"));
                last = failure(reason, true, status, attempt, null);
            } catch (HttpTimeoutException e) {
                last = failure("no answer within " + timeout.toSeconds() + " s", true, 0, attempt, e);
            } catch (IOException e) {
                last = failure("connection failed: " + redact(String.valueOf(e.getMessage())), true, 0, attempt, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted", false, 0, attempt, e);
            } catch (LlmException e) {
                if (!e.retryable()) {
                    throw e;
                }
                last = e;
            }
            if (attempt < policy.maxAttempts()) {
                pause(attempt, retryAfter, last);
            }
        }
        String lastReason = last.getMessage().substring(failurePrefix().length());
        throw new LlmException(provider + " LLM call gave up after " + policy.maxAttempts() + " attempt(s); last error: "
                + lastReason, true, last.httpStatus().orElse(0), policy.maxAttempts(), last.getCause());
    }

    private HttpRequest request(URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return builder.build();
    }

    private JsonNode parse(String body, int status, int attempt) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            // A 2xx that is not JSON is a proxy or server hiccup, worth another try.
            throw failure("HTTP " + status + " with a body that is not JSON: " + errorText(body), true, status, attempt, null);
        }
    }

    private void pause(int attempt, Optional<Duration> retryAfter, LlmException cause) {
        Duration wait = policy.backoff(attempt, retryAfter, ThreadLocalRandom.current().nextDouble());
        LOG.warn("{} LLM call failed (attempt {} of {}): {}; retrying in {} ms", provider, attempt,
                policy.maxAttempts(), cause.getMessage(), wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting to retry", false, 0, attempt, e);
        }
    }

    private LlmException failure(String reason, boolean retryable, int status, int attempt, Throwable cause) {
        return new LlmException(failurePrefix() + reason, retryable, status, attempt, cause);
    }

    private String failurePrefix() {
        return provider + " LLM call failed: ";
    }

    /** The server's own error message (OpenAI and Anthropic put it in error.message), short and key-free. */
    String errorText(String body) {
        String text = body == null ? "" : body.strip();
        try {
            JsonNode node = Json.mapper().readTree(text);
            JsonNode message = node == null ? null : node.path("error").path("message");
            if (message != null && message.isTextual()) {
                text = message.asText();
            } else if (node != null && node.path("error").isTextual()) {
                text = node.path("error").asText();
            }
        } catch (IOException | RuntimeException e) {
            // Not JSON: the raw text is the best we have.
        }
        text = redact(text);
        if (text.isEmpty()) {
            return "(empty body)";
        }
        return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text;
    }

    private String redact(String text) {
        return secret.isEmpty() ? text : text.replace(secret, "***");
    }
}
