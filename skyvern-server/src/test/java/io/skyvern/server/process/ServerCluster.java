package io.skyvern.server.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Several server processes started at once over one database, and the few HTTP calls tests make
 * to them with the shared bootstrap key. A node's worker ids start with its JVM name
 * ({@code pid@host}), which is how a {@code claimed_by} value is traced back to a process.
 * {@link #close} stops every node (SIGTERM, then SIGKILL for those that do not exit in time).
 */
final class ServerCluster implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ServerProcess> nodes = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String apiKey;

    ServerCluster(String apiKey) {
        this.apiKey = apiKey;
    }

    /**
     * Starts {@code count} nodes in parallel, node {@code i} built by {@code builder}. Nodes that
     * started are kept (and closed by {@link #close}) even when another fails to start.
     */
    void start(int count, IntFunction<ServerProcess.Builder> builder, Duration timeout) throws InterruptedException {
        ExecutorService starter = Executors.newFixedThreadPool(count);
        try {
            List<Future<ServerProcess>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                started.add(starter.submit(() -> builder.apply(index).start(timeout)));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<ServerProcess> f : started) {
                try {
                    nodes.add(f.get());
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            if (!failures.isEmpty()) {
                IllegalStateException e = new IllegalStateException(failures.size() + " node(s) did not start");
                failures.forEach(e::addSuppressed);
                throw e;
            }
        } finally {
            starter.shutdownNow();
        }
    }

    List<ServerProcess> nodes() {
        return List.copyOf(nodes);
    }

    ServerProcess node(int index) {
        return nodes.get(index);
    }

    /** The node whose worker wrote {@code workerId} into {@code claimed_by}. */
    Optional<ServerProcess> nodeOfWorker(String workerId) {
        return nodes.stream().filter(n -> workerId != null && workerId.startsWith(n.pid() + "@")).findFirst();
    }

    /** Creates a task through {@code node}'s API; returns its id. */
    String createTask(ServerProcess node, Map<String, Object> body) throws IOException, InterruptedException {
        HttpResponse<String> created = send(node, HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v1/tasks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /api/v1/tasks on " + node.name() + ": " + created.statusCode()
                    + " " + created.body());
        }
        return JSON.readTree(created.body()).at("/data/task_id").asText();
    }

    /** GET {@code path} on {@code node}: status code and body as bytes. */
    HttpResponse<byte[]> get(ServerProcess node, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).header("x-api-key", apiKey)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode getJson(ServerProcess node, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(node, path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " on " + node.name() + ": " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(ServerProcess node, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return http.send(request.header("x-api-key", apiKey).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM to every live node (they hand their runs back), then SIGKILL after {@code grace}. */
    void stopAll(Duration grace) {
        nodes.stream().filter(ServerProcess::isAlive).forEach(ServerProcess::terminate);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ServerProcess node : nodes) {
            long left = Math.max(1, deadline - System.nanoTime());
            try {
                node.waitForExit(Duration.ofNanos(left));
            } catch (IllegalStateException stillRunning) {
                node.kill();
            }
        }
    }

    @Override
    public void close() {
        stopAll(Duration.ofSeconds(15));
    }
}
