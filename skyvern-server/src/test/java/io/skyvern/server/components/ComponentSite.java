package io.skyvern.server.components;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fixture web site of the component suite, on loopback, under two origins: the main one
 * ({@code http://127.0.0.1:A}) and another ({@code http://localhost:B}, another host and port, so
 * another origin and another site: Chromium puts its frames in another process). Both serve the
 * same routes:
 * <ul>
 *   <li>{@code /webjars/NAME/FILE} — files of the real components, from the WebJars on the classpath;</li>
 *   <li>{@code /pages/FILE} — the pages that wire them in ({@code components/} test resources), where
 *       {@code {{MAIN}}} and {@code {{OTHER}}} read as the two origins, and the few values of
 *       {@link FixtureApis#placeholders()} as theirs;</li>
 *   <li>{@code /submit/FORM} — records what a page sends ({@link Submission}) and thanks it;</li>
 *   <li>the few server endpoints pages call ({@link FixtureApis}).</li>
 * </ul>
 * Thread-safe.
 */
final class ComponentSite implements AutoCloseable {
    private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "component-site");
        t.setDaemon(true);
        return t;
    });
    private final HttpServer main;
    private final HttpServer other;
    private final WebJarFiles webJars = new WebJarFiles();
    private final FixtureApis apis = new FixtureApis();
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private ComponentSite() throws IOException {
        main = listen();
        other = listen();
    }

    static ComponentSite start() {
        try {
            return new ComponentSite();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpServer listen() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        return server;
    }

    /** The main origin, {@code http://127.0.0.1:A}. */
    String mainOrigin() {
        return "http://127.0.0.1:" + main.getAddress().getPort();
    }

    /** Another origin (host and port), {@code http://localhost:B}. */
    String otherOrigin() {
        return "http://localhost:" + other.getAddress().getPort();
    }

    /** A page of the main origin, e.g. {@code page("combobox.html")}. */
    String page(String file) {
        return mainOrigin() + "/pages/" + file;
    }

    FixtureApis apis() {
        return apis;
    }

    List<Submission> submissions(String form) {
        return submissions.stream().filter(s -> s.form().equals(form)).toList();
    }

    /** The only submission of {@code form}; fails when there is none or more than one. */
    Submission single(String form) {
        List<Submission> found = submissions(form);
        if (found.size() != 1) {
            throw new AssertionError("expected one submission of '" + form + "', got " + found
                    + "; all submissions: " + submissions);
        }
        return found.get(0);
    }

    /** Forgets what was received: a class's scenarios run one after another, each from a clean record. */
    void forget() {
        submissions.clear();
        requests.clear();
    }

    /** Every request path (with its query) either origin served, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery();
            requests.add(query == null ? path : path + "?" + query);
            if (path.contains("..")) {
                send(ex, 400, "text/plain", "bad path".getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/webjars/")) {
                serveWebJar(ex, path.substring("/webjars/".length()));
            } else if (path.startsWith("/pages/")) {
                servePage(ex, path.substring("/pages/".length()));
            } else if (path.startsWith("/submit/")) {
                Submission s = FormBodies.read(ex, path.substring("/submit/".length()), origin(ex));
                submissions.add(s);
                FormBodies.thank(ex, s);
            } else if (!apis.handle(ex, path)) {
                send(ex, 404, "text/html", "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String origin(HttpExchange ex) {
        return "http://" + Optional.ofNullable(ex.getRequestHeaders().getFirst("Host")).orElse("?");
    }

    private void serveWebJar(HttpExchange ex, String rest) throws IOException {
        int slash = rest.indexOf('/');
        Optional<byte[]> file = slash < 0 ? Optional.empty() : webJars.read(rest.substring(0, slash), rest.substring(slash + 1));
        if (file.isEmpty()) {
            send(ex, 404, "text/plain", ("no webjar file " + rest).getBytes(StandardCharsets.UTF_8));
            return;
        }
        ex.getResponseHeaders().set("Cache-Control", "max-age=3600");
        send(ex, 200, contentType(rest), file.get());
    }

    private void servePage(HttpExchange ex, String file) throws IOException {
        Optional<byte[]> bytes = classpath("components/" + file);
        if (bytes.isEmpty()) {
            send(ex, 404, "text/plain", ("no page " + file).getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body = bytes.get();
        if (file.endsWith(".html")) {
            String html = new String(body, StandardCharsets.UTF_8).replace("{{MAIN}}", mainOrigin())
                    .replace("{{OTHER}}", otherOrigin());
            for (Map.Entry<String, String> p : apis.placeholders().entrySet()) {
                html = html.replace("{{" + p.getKey() + "}}", p.getValue());
            }
            body = html.getBytes(StandardCharsets.UTF_8);
        }
        send(ex, 200, contentType(file), body);
    }

    static Optional<byte[]> classpath(String name) {
        try (InputStream in = ComponentSite.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json", "svg", "image/svg+xml",
            "csv", "text/csv; charset=utf-8", "png", "image/png", "woff2", "font/woff2");

    static String contentType(String file) {
        String ext = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        main.stop(0);
        other.stop(0);
        executor.shutdownNow();
    }
}
