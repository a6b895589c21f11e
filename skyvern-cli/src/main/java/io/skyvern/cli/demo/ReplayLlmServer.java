package io.skyvern.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible {@code POST /v1/chat/completions} server on 127.0.0.1 and a free port that
 * answers every request from a {@link Recording} instead of calling a model. Token usage is
 * estimated as characters / 4 so that the run's accounting has plausible numbers.
 */
public final class ReplayLlmServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Recording recording;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger answered = new AtomicInteger();

    private ReplayLlmServer(Recording recording) throws IOException {
        this.recording = Objects.requireNonNull(recording, "recording");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "demo-replay-llm");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server answering from {@code recording}. */
    public static ReplayLlmServer start(Recording recording) {
        try {
            return new ReplayLlmServer(recording);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the demo's replay LLM server", e);
        }
    }

    /** The OpenAI-compatible base URL, {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** How many requests were answered from the recording. */
    public int answered() {
        return answered.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("POST") || !path.endsWith("/chat/completions")) {
                send(exchange, 404, "{\"error\":{\"message\":\"no route " + path + "\",\"type\":\"not_found\"}}");
                return;
            }
            JsonNode request;
            try {
                request = MAPPER.readTree(exchange.getRequestBody());
            } catch (IOException e) {
                send(exchange, 400, "{\"error\":{\"message\":\"body is not JSON\",\"type\":\"invalid_request_error\"}}");
                return;
            }
            String prompt = promptText(request);
            String answer = recording.answer(prompt);
            send(exchange, 200, completion(request, prompt, answer, answered.incrementAndGet()));
        }
    }

    /** Every text part of every message, joined by new lines (images are ignored). */
    static String promptText(JsonNode request) {
        StringBuilder text = new StringBuilder();
        for (JsonNode message : request.path("messages")) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                text.append(content.asText()).append('\n');
            }
            for (JsonNode part : content.isArray() ? content : MAPPER.createArrayNode()) {
                if (part.path("type").asText().equals("text")) {
                    text.append(part.path("text").asText()).append('\n');
                }
            }
        }
        return text.toString();
    }

    static String completion(JsonNode request, String prompt, String answer, int index) {
        long in = Math.max(1, prompt.length() / 4);
        long out = Math.max(1, answer.length() / 4);
        ObjectNode body = MAPPER.createObjectNode();
        body.put("id", "chatcmpl-demo-replay-" + index).put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000)
                .put("model", request.path("model").asText("demo-replay"));
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answer);
        choice.put("finish_reason", "stop");
        body.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        return body.toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
