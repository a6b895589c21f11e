package io.skyvern.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on loopback (free port) that speaks the OpenAI chat-completions protocol
 * ({@code POST /v1/chat/completions}) and Anthropic's Messages API ({@code POST /v1/messages}),
 * answering from a script and recording every request. Responders run in order, one per request;
 * a responder sees the request, so a script can answer with an element id it finds in the prompt:
 * <pre>{@code
 * llm.respond(req -> ScriptedReply.json(Map.of("actions", List.of(Map.of(
 *         "action_type", "click", "element_id", req.find("<button id=\"(e\\d+)\"").orElseThrow())))));
 * }</pre>
 * When the script is exhausted it answers with {@link #whenExhausted} (by default a 500 "script
 * exhausted"). The agent's completion checks ({@link RecordedRequest#isCompletionCheck()}) do not
 * use the script: {@link #verifyWith} answers them (by default {@code {"goal_met": true}}), and
 * they are recorded apart ({@link #completionChecks()}), so a script of steps and extractions reads
 * the same with the check on or off. No latency unless scripted. Thread-safe: concurrent runs may
 * share one server.
 */
public final class ScriptedLlmServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<Function<RecordedRequest, ScriptedReply>> script = new ArrayDeque<>();
    private final List<RecordedRequest> recorded = new ArrayList<>();
    private final List<RecordedRequest> checks = new ArrayList<>();
    private Function<RecordedRequest, ScriptedReply> verifier =
            r -> ScriptedReply.content("{\"goal_met\": true, \"reason\": \"scripted: confirmed\"}");
    private int received;
    private int keepLast = Integer.MAX_VALUE;
    private Function<RecordedRequest, ScriptedReply> fallback =
            r -> ScriptedReply.error(500, "script exhausted after " + r.index() + " request(s)");

    private ScriptedLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "scripted-llm");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static ScriptedLlmServer start() {
        try {
            return new ScriptedLlmServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OpenAI-compatible base URL, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return rootUrl() + "/v1";
    }

    /** The Anthropic base URL (the client appends {@code /v1/messages}). */
    public String anthropicBaseUrl() {
        return rootUrl();
    }

    private String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Appends a responder to the script. */
    public synchronized ScriptedLlmServer respond(Function<RecordedRequest, ScriptedReply> responder) {
        script.addLast(Objects.requireNonNull(responder, "responder"));
        return this;
    }

    /** Appends fixed replies to the script, one per request. */
    public ScriptedLlmServer reply(ScriptedReply... replies) {
        for (ScriptedReply reply : replies) {
            Objects.requireNonNull(reply, "reply");
            respond(r -> reply);
        }
        return this;
    }

    /** How to answer the agent's completion checks (by default: the goal is met). */
    public synchronized ScriptedLlmServer verifyWith(Function<RecordedRequest, ScriptedReply> responder) {
        this.verifier = Objects.requireNonNull(responder, "responder");
        return this;
    }

    /** The completion checks received, in arrival order. */
    public synchronized List<RecordedRequest> completionChecks() {
        return List.copyOf(checks);
    }

    /** What to answer once the script is used up (every later request gets it). */
    public synchronized ScriptedLlmServer whenExhausted(Function<RecordedRequest, ScriptedReply> responder) {
        this.fallback = Objects.requireNonNull(responder, "responder");
        return this;
    }

    /**
     * Keeps only the last {@code count} recorded requests, so that a long benchmark does not hold
     * every prompt in memory; {@link #requestCount()} still counts every request.
     */
    public synchronized ScriptedLlmServer keepLast(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        keepLast = count;
        trim();
        return this;
    }

    private void trim() {
        if (recorded.size() > keepLast) {
            recorded.subList(0, recorded.size() - keepLast).clear();
        }
    }

    /** The recorded requests in arrival order (the last {@link #keepLast} of them when that is set). */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(recorded);
    }

    public synchronized int requestCount() {
        return received;
    }

    public synchronized RecordedRequest lastRequest() {
        if (recorded.isEmpty()) {
            throw new IllegalStateException("no request received yet");
        }
        return recorded.get(recorded.size() - 1);
    }

    /** Responders not used yet. */
    public synchronized int remaining() {
        return script.size();
    }

    /** Waits until at least {@code count} requests arrived; false on timeout. */
    public boolean awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requestCount() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String raw = readBody(exchange.getRequestBody());
            boolean openAi = path.endsWith("/chat/completions");
            if (!exchange.getRequestMethod().equals("POST") || (!openAi && !path.endsWith("/messages"))) {
                send(exchange, 404, "{\"error\":{\"message\":\"no route " + path + "\"}}");
                return;
            }
            RecordedRequest.Protocol protocol = openAi ? RecordedRequest.Protocol.OPENAI : RecordedRequest.Protocol.ANTHROPIC;
            Function<RecordedRequest, ScriptedReply> responder;
            RecordedRequest request;
            synchronized (this) {
                RecordedRequest probe = RequestRecorder.record(received, protocol, path, exchange.getRequestHeaders(), raw);
                if (probe.isCompletionCheck()) {
                    request = probe;
                    checks.add(request);
                    responder = verifier;
                } else {
                    received++;
                    request = probe;
                    recorded.add(request);
                    trim();
                    responder = script.isEmpty() ? fallback : script.pollFirst();
                }
            }
            answer(exchange, request, responder.apply(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (timeout) or the connection was dropped on purpose: nothing to answer.
        }
    }

    private void answer(HttpExchange exchange, RecordedRequest request, ScriptedReply reply)
            throws IOException, InterruptedException {
        if (reply instanceof ScriptedReply.Delayed delayed) {
            Thread.sleep(delayed.millis());
            answer(exchange, request, delayed.then());
        } else if (reply instanceof ScriptedReply.Drop) {
            // Closing without response headers makes the JDK server drop the TCP connection.
            exchange.close();
        } else if (reply instanceof ScriptedReply.Garbage garbage) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            send(exchange, 200, garbage.body());
        } else if (reply instanceof ScriptedReply.HttpError error) {
            error.retryAfterSeconds().ifPresent(s -> exchange.getResponseHeaders().set("Retry-After", String.valueOf(s)));
            send(exchange, error.status(), errorBody(request.protocol(), error));
        } else if (reply instanceof ScriptedReply.Content content) {
            send(exchange, 200, contentBody(request, content));
        }
    }

    private static String errorBody(RecordedRequest.Protocol protocol, ScriptedReply.HttpError error) {
        ObjectNode body = MAPPER.createObjectNode();
        if (protocol == RecordedRequest.Protocol.ANTHROPIC) {
            body.put("type", "error");
            body.putObject("error").put("type", error.status() == 429 ? "rate_limit_error" : "api_error")
                    .put("message", error.message());
        } else {
            body.putObject("error").put("message", error.message())
                    .put("type", error.status() == 429 ? "rate_limit_exceeded" : "server_error").putNull("code");
        }
        return body.toString();
    }

    private static String contentBody(RecordedRequest request, ScriptedReply.Content content) {
        long in = content.inputTokens() >= 0 ? content.inputTokens() : Math.max(1, request.promptText().length() / 4);
        long out = content.outputTokens() >= 0 ? content.outputTokens() : Math.max(1, content.text().length() / 4);
        String model = request.model().isEmpty() ? "scripted-model" : request.model();
        ObjectNode body = MAPPER.createObjectNode();
        if (request.protocol() == RecordedRequest.Protocol.ANTHROPIC) {
            body.put("id", "msg_scripted_" + request.index()).put("type", "message").put("role", "assistant")
                    .put("model", model);
            body.putArray("content").addObject().put("type", "text").put("text", content.text());
            body.put("stop_reason", "end_turn");
            body.putObject("usage").put("input_tokens", in).put("output_tokens", out);
        } else {
            body.put("id", "chatcmpl-scripted-" + request.index()).put("object", "chat.completion")
                    .put("created", System.currentTimeMillis() / 1000).put("model", model);
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", content.text());
            choice.put("finish_reason", "stop");
            body.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        }
        return body.toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parseOrMissing(String raw) {
        try {
            JsonNode node = MAPPER.readTree(raw);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        headers.forEach((name, values) -> result.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return result;
    }
}
