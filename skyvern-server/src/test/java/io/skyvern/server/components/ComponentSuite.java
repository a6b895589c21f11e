package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.Skyvern;
import io.skyvern.common.Json;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.server.ServerConfig;
import io.skyvern.server.SkyvernServer;
import io.skyvern.testing.RecordedRequest;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.ScriptedReply;
import io.skyvern.testing.TestDatabases;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything a component scenario runs against, started once per test class
 * ({@code @RegisterExtension static final ComponentSuite suite = new ComponentSuite();}): the
 * fixture site ({@link ComponentSite}), a scripted model on a real OpenAI-protocol server, and a
 * real Skyvern behind a real {@link SkyvernServer} on a free port (database of the backend under
 * test, durable queue, two workers, Debian's Chromium). Tasks go in and come out through the REST
 * API only, as a client's would.
 *
 * <p>The model routes each request to the {@link Scenario} whose tag is in the prompt, so the
 * scenarios of a class share one model and one server.
 */
final class ComponentSuite implements BeforeAllCallback, AfterAllCallback {
    private static final Set<String> FINAL = Set.of("completed", "failed", "terminated", "canceled", "timed_out");
    private static final AtomicInteger SCENARIOS = new AtomicInteger();

    private final Map<String, Scenario> scenarios = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private ComponentSite site;
    private ScriptedLlmServer llm;
    private Skyvern skyvern;
    private SkyvernServer server;
    private String apiKey;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        site = ComponentSite.start();
        llm = ScriptedLlmServer.start();
        llm.whenExhausted(this::route);
        Path dataDir = Files.createTempDirectory("skyvern-components");
        Map<ConfigKey, String> settings = new EnumMap<>(ConfigKey.class);
        settings.put(ConfigKey.DATA_DIR, dataDir.toString());
        settings.put(ConfigKey.WORKERS, "2");
        settings.put(ConfigKey.LLM_PROVIDER, "openai");
        settings.put(ConfigKey.LLM_BASE_URL, llm.baseUrl());
        settings.put(ConfigKey.LLM_API_KEY, "sk-scripted");
        settings.put(ConfigKey.LLM_MODEL, "scripted-model");
        settings.put(ConfigKey.LLM_VISION, "false");
        settings.put(ConfigKey.BROWSER_EXECUTABLE, Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "");
        settings.put(ConfigKey.ALLOW_PRIVATE_NETWORK, "true");
        settings.put(ConfigKey.SHUTDOWN_GRACE_SECONDS, "2");
        skyvern = Skyvern.create(SkyvernConfig.load(settings).withDatabase(TestDatabases.fresh()));
        apiKey = "sk_components_" + Long.toHexString(System.nanoTime());
        server = SkyvernServer.start(skyvern, ServerConfig.defaults().withPort(0).withBootstrapApiKey(apiKey));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (server != null) {
                server.close();
            }
            if (skyvern != null) {
                skyvern.close();
            }
        } finally {
            if (llm != null) {
                llm.close();
            }
            if (site != null) {
                site.close();
            }
        }
    }

    ComponentSite site() {
        return site;
    }

    /** A new scenario of the model, named for messages. */
    Scenario scenario(String name) {
        Scenario scenario = new Scenario(name + "-" + SCENARIOS.incrementAndGet() + "z");
        scenarios.put(scenario.tag(), scenario);
        return scenario;
    }

    private ScriptedReply route(RecordedRequest request) {
        String text = request.promptText();
        for (Scenario scenario : scenarios.values()) {
            if (text.contains("(ref " + scenario.tag() + ")")) {
                return scenario.answer(request);
            }
        }
        return ScriptedReply.error(500, "no scenario's tag in the prompt");
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
        site.forget();
        JsonNode created = call("POST", "/api/v1/tasks", body);
        if (created.path("success").asBoolean(false) == false) {
            throw new AssertionError("task not created: " + created);
        }
        return awaitFinal(created.at("/data/task_id").asText(), Duration.ofSeconds(90));
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
                Thread.sleep(50);
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

    /** The task's artifacts of one type (e.g. {@code download}). */
    List<JsonNode> artifacts(String taskId, String type) {
        JsonNode all = call("GET", "/api/v1/tasks/" + taskId + "/artifacts", null).path("data");
        List<JsonNode> found = new java.util.ArrayList<>();
        all.forEach(a -> {
            if (a.path("artifact_type").asText().equals(type)) {
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
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .header("x-api-key", apiKey).timeout(Duration.ofSeconds(30));
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
