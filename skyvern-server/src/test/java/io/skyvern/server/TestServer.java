package io.skyvern.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.Skyvern;
import io.skyvern.common.Json;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.testing.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A real server on a free loopback port over a fresh database, with a small HTTP client. */
final class TestServer implements AutoCloseable {
    final Skyvern skyvern;
    final SkyvernServer server;
    final String bootstrapKey;
    final Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(Skyvern skyvern, SkyvernServer server, String bootstrapKey, Path dataDir) {
        this.skyvern = skyvern;
        this.server = server;
        this.bootstrapKey = bootstrapKey;
        this.dataDir = dataDir;
    }

    static TestServer start() {
        return start("development", c -> c);
    }

    static TestServer start(String env, UnaryOperator<ServerConfig> tweak) {
        return start(env, tweak, Map.of());
    }

    /** With workers, an LLM, a browser…: {@code settings} win over the test defaults. */
    static TestServer start(Map<ConfigKey, String> settings) {
        return start("development", c -> c, settings);
    }

    static TestServer start(String env, UnaryOperator<ServerConfig> tweak, Map<ConfigKey, String> settings) {
        try {
            Path dataDir = Files.createTempDirectory("skyvern-server-it");
            Map<ConfigKey, String> values = new java.util.EnumMap<>(ConfigKey.class);
            values.put(ConfigKey.DATA_DIR, dataDir.toString());
            values.put(ConfigKey.ENV, env);
            values.put(ConfigKey.WORKERS, "0");
            values.putAll(settings);
            SkyvernConfig config = SkyvernConfig.load(values).withDatabase(TestDatabases.fresh());
            Skyvern skyvern = Skyvern.create(config);
            String key = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
            ServerConfig serverConfig = tweak.apply(ServerConfig.defaults().withPort(0).withBootstrapApiKey(key));
            return new TestServer(skyvern, SkyvernServer.start(skyvern, serverConfig), key, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response get(String path) {
        return send("GET", path, null, bootstrapKey, Map.of());
    }

    Response get(String path, String key) {
        return send("GET", path, null, key, Map.of());
    }

    Response post(String path, Object body) {
        return send("POST", path, body, bootstrapKey, Map.of());
    }

    Response post(String path, Object body, String key) {
        return send("POST", path, body, key, Map.of());
    }

    /** body: null (none), a String (sent as is) or an object (serialised as JSON). */
    Response send(String method, String path, Object body, String key, Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : Json.mapper().writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text));
            if (text != null && !headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            if (key != null) {
                request.header("x-api-key", key);
            }
            headers.forEach(request::header);
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a second organisation through the API and returns its first key. */
    String newOrganizationKey(String name) {
        Response created = post("/api/v1/organizations", Map.of("name", name));
        if (created.status() != 201) {
            throw new IllegalStateException("Cannot create organisation: " + created.text());
        }
        return created.json().at("/data/api_key/api_key").asText();
    }

    @Override
    public void close() {
        server.close();
        skyvern.close();
        io.skyvern.testing.TempDirs.delete(dataDir);
    }

    record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + text(), e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String errorCode() {
            return json().at("/error/code").asText();
        }
    }
}
