package io.skyvern.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.Skyvern;
import io.skyvern.common.Json;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.DatabaseConfig;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.persistence.Database;
import io.skyvern.server.ServerConfig;
import io.skyvern.server.SkyvernServer;
import io.skyvern.testing.TestDatabases;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

/**
 * A real server on a free loopback port over a fresh database, a second handle on that database
 * for the tests' own inspection (row counts, column scans), and an HTTP client that also speaks raw
 * HTTP/1.1 over a socket for requests the JDK client refuses to send.
 */
public final class LiveServer implements AutoCloseable {
    public final Skyvern skyvern;
    public final SkyvernServer server;
    public final String bootstrapKey;
    public final Database database;
    private volatile HttpClient http = newClient();

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Drops the client's pooled keep-alive connections: after the server closed some of them (it
     * does so after refusing a request), the next requests go over new connections.
     */
    public void resetConnections() {
        http = newClient();
    }

    private final DatabaseConfig databaseConfig;

    private LiveServer(Skyvern skyvern, SkyvernServer server, String bootstrapKey, Database database,
                       DatabaseConfig databaseConfig) {
        this.databaseConfig = databaseConfig;
        this.skyvern = skyvern;
        this.server = server;
        this.bootstrapKey = bootstrapKey;
        this.database = database;
    }

    public static LiveServer start(String env, UnaryOperator<ServerConfig> tweak) {
        return startOn(TestDatabases.fresh(), "sk_test_" + UUID.randomUUID().toString().replace("-", ""), env, tweak);
    }

    /** A second node: another Skyvern and server over the same database, with the same bootstrap key. */
    public LiveServer secondNode(UnaryOperator<ServerConfig> tweak) {
        return startOn(databaseConfig, bootstrapKey, skyvern.config().env().name().toLowerCase(java.util.Locale.ROOT),
                tweak);
    }

    private static LiveServer startOn(DatabaseConfig db, String key, String env, UnaryOperator<ServerConfig> tweak) {
        try {
            Path dataDir = Files.createTempDirectory("skyvern-fuzz-it");
            SkyvernConfig config = SkyvernConfig.load(Map.of(ConfigKey.DATA_DIR, dataDir.toString(),
                    ConfigKey.ENV, env, ConfigKey.WORKERS, "0")).withDatabase(db);
            Skyvern skyvern = Skyvern.create(config);
            ServerConfig serverConfig = tweak.apply(ServerConfig.defaults().withPort(0).withBootstrapApiKey(key));
            SkyvernServer server = SkyvernServer.start(skyvern, serverConfig);
            // Same URL in the same JVM: H2 shares the open database; PostgreSQL the same schema.
            Database inspection = Database.open(new DatabaseConfig(db.url(), db.user(), db.password(), 2));
            return new LiveServer(skyvern, server, key, inspection, db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A JSON request with the bootstrap key. */
    public Reply call(String method, String path, Object body) {
        return call(method, path, body, bootstrapKey, Map.of());
    }

    /** body: null (none), a String or byte[] (sent as is) or an object (serialised as JSON). */
    public Reply call(String method, String path, Object body, String key, Map<String, String> headers) {
        byte[] bytes = bytesOf(body);
        Map<String, String> all = new java.util.LinkedHashMap<>();
        if (bytes != null && !headers.containsKey("Content-Type")) {
            all.put("Content-Type", "application/json");
        }
        if (key != null) {
            all.put("x-api-key", key);
        }
        all.putAll(headers);
        return send(method, path, all.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList(),
                bytes);
    }

    /** Sends with the JDK client; headers as [name, value] pairs (a name may repeat). */
    public Reply send(String method, String rawPathAndQuery, List<List<String>> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + rawPathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (List<String> h : headers) {
            request.header(h.get(0), h.get(1));
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().map(), decode(response.headers().map(),
                    response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviate(rawPathAndQuery) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends bytes as they are over a fresh socket (for invalid UTF-8 in the request line, raw header bytes). */
    public Reply sendRaw(byte[] requestHead, byte[] body) {
        return RawHttp.exchange("127.0.0.1", server.port(), requestHead, body);
    }

    static byte[] decode(Map<String, List<String>> headers, byte[] body) {
        List<String> encoding = headerValues(headers, "content-encoding");
        if (encoding.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("gzip")) && body.length > 0) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Bad gzip body", e);
            }
        }
        return body;
    }

    static List<String> headerValues(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    private static byte[] bytesOf(Object body) {
        try {
            if (body == null) {
                return null;
            }
            if (body instanceof byte[] b) {
                return b;
            }
            if (body instanceof String s) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
            return Json.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…(" + s.length() + " chars)";
    }

    @Override
    public void close() {
        server.close();
        database.close();
        skyvern.close();
    }

    /** One HTTP response; the body is already un-gzipped. */
    public record Reply(int status, Map<String, List<String>> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + abbreviate(text()), e);
            }
        }

        public String header(String name) {
            List<String> values = headerValues(headers, name);
            return values.isEmpty() ? null : values.get(0);
        }
    }
}
