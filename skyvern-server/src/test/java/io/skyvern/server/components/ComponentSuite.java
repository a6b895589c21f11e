package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A component scenario's handle on the suite ({@code @RegisterExtension static final ComponentSuite
 * suite = new ComponentSuite();}): the {@link SharedSkyvern} of the test run (started by the first
 * class that needs it, closed when the run ends) and a REST client for it. Tasks go in and come out
 * through the API only, as a client's would. Scenarios run one after another.
 */
final class ComponentSuite implements BeforeAllCallback {
    private static final Set<String> FINAL = Set.of("completed", "failed", "terminated", "canceled", "timed_out");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ComponentSuite.class);

    private final HttpClient http = HttpClient.newHttpClient();
    private SharedSkyvern shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedSkyvern.class, k -> SharedSkyvern.start(), SharedSkyvern.class);
    }

    ComponentSite site() {
        return shared.site();
    }

    /** A new scenario of the model, named for messages. */
    Scenario scenario(String name) {
        return shared.scenario(name);
    }

    /**
     * Creates a task over the API for {@code scenario} (its tag goes into the goals) and waits until it
     * ends. The site forgets earlier submissions first: what it holds afterwards came from this run.
     */
    JsonNode run(Scenario scenario, String url, String navigationGoal, int maxSteps) {
        return run(scenario, url, navigationGoal, null, maxSteps);
    }

    JsonNode run(Scenario scenario, String url, String navigationGoal, String extractionGoal, int maxSteps) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("navigation_goal", scenario.goal(navigationGoal));
        if (extractionGoal != null) {
            body.put("data_extraction_goal", scenario.goal(extractionGoal));
        }
        body.put("max_steps", maxSteps);
        shared.site().forget();
        JsonNode created = call("POST", "/api/v1/tasks", body);
        if (created.path("success").asBoolean(false) == false) {
            throw new AssertionError("task not created: " + created);
        }
        String taskId = created.at("/data/task_id").asText();
        JsonNode task = awaitFinal(taskId, Duration.ofSeconds(90));
        scenario.record("task " + taskId + " " + task.path("status").asText() + ": " + task.path("failure_reason").asText("")
                + "\nrun log: " + call("GET", "/api/v1/tasks/" + taskId + "/logs", null).path("data")
                + "\nsteps: " + steps(taskId));
        return task;
    }

    private JsonNode awaitFinal(String taskId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode task = call("GET", "/api/v1/tasks/" + taskId, null).path("data");
            if (FINAL.contains(task.path("status").asText())) {
                return task;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("task " + taskId + " still " + task.path("status").asText() + " after " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The task's steps with their actions and results, as the API lists them. */
    JsonNode steps(String taskId) {
        return call("GET", "/api/v1/tasks/" + taskId + "/steps?include_actions=true", null).path("data");
    }

    /** The task's artifacts of one type (e.g. {@code download}), or all of them when {@code type} is null. */
    List<JsonNode> artifacts(String taskId, String type) {
        JsonNode all = call("GET", "/api/v1/tasks/" + taskId + "/artifacts", null).path("data");
        List<JsonNode> found = new java.util.ArrayList<>();
        all.forEach(a -> {
            if (type == null || a.path("artifact_type").asText().equals(type)) {
                found.add(a);
            }
        });
        return found;
    }

    /** The bytes of an artifact, from its {@code content_url}. */
    byte[] content(JsonNode artifact) {
        return send("GET", artifact.path("content_url").asText(), null).body();
    }

    JsonNode call(String method, String path, Object body) {
        try {
            return Json.mapper().readTree(send(method, path, body).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<byte[]> send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(shared.baseUrl() + path))
                    .header("x-api-key", shared.apiKey()).timeout(Duration.ofSeconds(30));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
