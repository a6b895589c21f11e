package io.skyvern.server.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A small JSON client of one {@link ServerProcess} as one organisation (its {@code x-api-key}).
 * HTTP/1.1 only, with a timeout on every call so that a dead server fails a test rather than
 * hanging it. Thread-safe.
 */
final class ProcessApi {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    ProcessApi(ServerProcess server, String apiKey) {
        this(server.baseUrl(), apiKey);
    }

    ProcessApi(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** One answer: the status and the parsed JSON body (missing when it is not JSON). */
    record Reply(int status, JsonNode json, String text) {
        String taskId() {
            return json.at("/data/task_id").asText();
        }
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    Reply post(String path, Map<String, ?> body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))).build());
    }

    /** Creates a task; the caller checks the status (201). */
    Reply createTask(String url, String goal) throws IOException, InterruptedException {
        return post("/api/v1/tasks", Map.of("url", url, "navigation_goal", goal));
    }

    /** The task's wire status, or {@code "<http status>"} when the lookup did not answer 200. */
    String taskStatus(String taskId) throws IOException, InterruptedException {
        Reply reply = get("/api/v1/tasks/" + taskId);
        return reply.status() == 200 ? reply.json().at("/data/status").asText() : "<" + reply.status() + ">";
    }

    /** Total tasks of the organisation, from the list's pagination. */
    long taskCount() throws IOException, InterruptedException {
        Reply reply = get("/api/v1/tasks?page_size=1");
        if (reply.status() != 200) {
            throw new IllegalStateException("task list answered " + reply.status() + ": " + reply.text());
        }
        return reply.json().at("/data/pagination/total_count").asLong();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).header("x-api-key", apiKey);
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = response.body().isEmpty() ? MissingNode.getInstance() : MAPPER.readTree(response.body());
        } catch (IOException e) {
            json = MissingNode.getInstance();
        }
        return new Reply(response.statusCode(), json, response.body());
    }
}
