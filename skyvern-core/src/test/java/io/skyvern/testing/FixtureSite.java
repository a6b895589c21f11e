package io.skyvern.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small real web site on 127.0.0.1 (free port) for browser and agent tests: a login with a
 * session cookie, a two-step form with select/checkbox/radio/upload, a product table, a paginated
 * list, content rendered by JavaScript, a CSV download, a same-origin iframe form and a page of
 * widgets (hidden elements, shadow DOM), and a page with typical shop markup (navigation, footer,
 * classes, inline styles and scripts, SVG icons) for size measurements. Static pages live in {@code fixture-site/}. Every form
 * submission is recorded so tests can check the site really got the values.
 */
public final class FixtureSite implements AutoCloseable {
    public static final String USER = "alice";
    public static final String PASSWORD = "wonderland";
    public static final String CSV = "quarter,revenue\nQ1,1200\nQ2,1350\n";
    static final String COOKIE = "fixture_session";

    /** A file that came with a form. */
    public record UploadedFile(String filename, byte[] content) {
    }

    /** One form submission as the server received it. */
    public record Submission(String path, Map<String, String> fields, Map<String, UploadedFile> files) {
        public Submission {
            fields = Map.copyOf(fields);
            files = Map.copyOf(files);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();

    private FixtureSite(HttpServer server) {
        this.server = server;
    }

    public static FixtureSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FixtureSite site = new FixtureSite(server);
            server.createContext("/", site::handle);
            server.setExecutor(site.executor);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return baseUrl() + path;
    }

    public List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    public Optional<Submission> lastSubmission(String path) {
        return submissions.stream().filter(s -> s.path().equals(path)).reduce((a, b) -> b);
    }

    /** The code the multi-step form shows for these inputs. */
    public static String confirmationCode(String name, String email, String country, String plan, String fileName) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join("|", name, email, country, plan,
                    fileName).getBytes(StandardCharsets.UTF_8));
            return "CONF-" + HexFormat.of().withUpperCase().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account number shown to a logged-in user. */
    public static String accountNumber(String user) {
        return "ACC-" + Math.floorMod(user.hashCode(), 900_000) + 100_000;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            switch (path) {
                case "/", "/index.html" -> serveStatic(ex, "index.html");
                case "/login" -> {
                    if ("POST".equals(method)) {
                        login(ex);
                    } else {
                        serveStatic(ex, "login.html");
                    }
                }
                case "/account" -> account(ex);
                case "/form/step1" -> serveStatic(ex, "form-step1.html");
                case "/form/step2" -> send(ex, 200, FixturePages.step2(query(ex.getRequestURI())));
                case "/form/submit" -> submitForm(ex);
                case "/products" -> serveStatic(ex, "products.html");
                case "/list" -> send(ex, 200, FixturePages.list(query(ex.getRequestURI()).getOrDefault("page", "1")));
                case "/dynamic" -> serveStatic(ex, "dynamic.html");
                case "/download" -> serveStatic(ex, "download.html");
                case "/files/report.csv" -> {
                    ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"report.csv\"");
                    sendBytes(ex, 200, "text/csv", CSV.getBytes(StandardCharsets.UTF_8));
                }
                case "/iframe" -> serveStatic(ex, "iframe.html");
                case "/frame-form" -> serveStatic(ex, "frame-form.html");
                case "/frame-form/submit" -> {
                    Map<String, String> q = query(ex.getRequestURI());
                    submissions.add(new Submission(path, q, Map.of()));
                    send(ex, 200, FixturePages.page("Subscribed", "<p id=\"result\">Iframe submitted: "
                            + FixturePages.escape(q.getOrDefault("value", "")) + "</p>"));
                }
                case "/widgets" -> serveStatic(ex, "widgets.html");
                case "/realistic" -> serveStatic(ex, "realistic.html");
                case "/delay" -> {
                    sleep(Math.min(5_000, Long.parseLong(query(ex.getRequestURI()).getOrDefault("ms", "0"))));
                    sendBytes(ex, 200, "text/plain", "late content".getBytes(StandardCharsets.UTF_8));
                }
                default -> {
                    if (path.matches("/web/[a-z0-9-]+")) {
                        serveStatic(ex, "web/" + path.substring(5) + ".html");
                    } else {
                        send(ex, 404, FixturePages.page("Not found", "<h1>Not found</h1>"));
                    }
                }
            }
        } catch (RuntimeException e) {
            send(ex, 500, FixturePages.page("Error", "<pre>" + FixturePages.escape(String.valueOf(e)) + "</pre>"));
        }
    }

    private void login(HttpExchange ex) throws IOException {
        Map<String, String> form = parseForm(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        submissions.add(new Submission("/login", form, Map.of()));
        if (!USER.equals(form.get("username")) || !PASSWORD.equals(form.get("password"))) {
            send(ex, 401, FixturePages.page("Log in failed", "<p class=\"error\">Invalid username or password</p>"
                    + "<a href=\"/login\">Try again</a>"));
            return;
        }
        String token = UUID.randomUUID().toString();
        sessions.put(token, form.get("username"));
        ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token + "; Path=/; Max-Age=3600; HttpOnly");
        ex.getResponseHeaders().set("Location", "/account");
        ex.sendResponseHeaders(303, -1);
    }

    private void account(HttpExchange ex) throws IOException {
        Optional<String> user = cookie(ex).map(sessions::get);
        if (user.isEmpty()) {
            send(ex, 401, FixturePages.page("Account", "<p>Please log in first.</p><a href=\"/login\">Log in</a>"));
            return;
        }
        send(ex, 200, FixturePages.page("Account", "<h1>Welcome, " + FixturePages.escape(user.get()) + "</h1>"
                + "<p>Account number: <span id=\"acct\">" + accountNumber(user.get()) + "</span></p>"));
    }

    private void submitForm(HttpExchange ex) throws IOException {
        String type = Objects.requireNonNullElse(ex.getRequestHeaders().getFirst("Content-Type"), "");
        Multipart m = Multipart.parse(type, ex.getRequestBody().readAllBytes());
        submissions.add(new Submission("/form/submit", m.fields, m.files));
        UploadedFile file = m.files.get("document");
        String fileName = file == null ? "" : file.filename();
        if (!"on".equals(m.fields.get("terms")) || fileName.isEmpty()) {
            send(ex, 400, FixturePages.page("Incomplete", "<p class=\"error\">Accept the terms and attach a document.</p>"));
            return;
        }
        String code = confirmationCode(m.fields.getOrDefault("name", ""), m.fields.getOrDefault("email", ""),
                m.fields.getOrDefault("country", ""), m.fields.getOrDefault("plan", ""), fileName);
        send(ex, 200, FixturePages.page("Confirmation", "<h1>Thank you</h1><p>Your confirmation code is "
                + "<strong id=\"code\">" + code + "</strong></p>"));
    }

    private Optional<String> cookie(HttpExchange ex) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                String[] kv = pair.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals(COOKIE)) {
                    return Optional.of(kv[1]);
                }
            }
        }
        return Optional.empty();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serveStatic(HttpExchange ex, String name) throws IOException {
        try (InputStream in = FixtureSite.class.getResourceAsStream("/fixture-site/" + name)) {
            if (in == null) {
                send(ex, 404, FixturePages.page("Not found", "<h1>Missing " + name + "</h1>"));
                return;
            }
            sendBytes(ex, 200, "text/html; charset=utf-8", in.readAllBytes());
        }
    }

    private static void send(HttpExchange ex, int status, String html) throws IOException {
        sendBytes(ex, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    static Map<String, String> query(URI uri) {
        return parseForm(Objects.requireNonNullElse(uri.getRawQuery(), ""));
    }

    static Map<String, String> parseForm(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
