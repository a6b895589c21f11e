package io.skyvern.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A five-step flow on loopback for replay tests: sign in (username, password, button), choose a
 * country, accept the terms, finish, read the confirmation code. The same URLs serve
 * {@link Variant variants}: the same texts and roles with other ids, classes, nesting and order
 * ({@link Variant#RESTYLED}); a sign-in control whose text and kind changed ({@link Variant#RENAMED});
 * the sign-in button's id now on another control, sign-in itself renamed ({@link Variant#RELABELED});
 * a sign-in split over two pages ({@link Variant#SPLIT}).
 * A second flow ({@code /news?frame=<another instance's origin>}) signs up in a frame from
 * another origin and confirms a receipt in a new tab ({@link ReplayWidgetPages}); {@code RESTYLED}
 * applies to it too.
 */
public final class ReplaySite implements AutoCloseable {
    public static final String PASSWORD = "wonderland";

    public enum Variant { BASE, RESTYLED, RENAMED, RELABELED, SPLIT }

    private final HttpServer server;
    private volatile Variant variant = Variant.BASE;
    private final Map<String, Integer> requests = new java.util.concurrent.ConcurrentHashMap<>();

    private ReplaySite(HttpServer server) {
        this.server = server;
    }

    public static ReplaySite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ReplaySite site = new ReplaySite(server);
            server.createContext("/", site::handle);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void variant(Variant value) {
        this.variant = value;
    }

    public String url(String path) {
        return origin() + path;
    }

    /** {@code http://127.0.0.1:port}: another instance (another port) is another origin. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The code the receipt page of the newsletter flow shows for a subscriber. */
    public static String receiptCode(String email) {
        return ReplayWidgetPages.receiptCode(email);
    }

    /** How many requests reached {@code path} (any method, any query). */
    public int requested(String path) {
        return requests.getOrDefault(path, 0);
    }

    /** The code the done page shows for a user and a country. */
    public static String confirmation(String user, String country) {
        return "CONF-" + user.toUpperCase(Locale.ROOT) + "-" + country.toUpperCase(Locale.ROOT);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI uri = ex.getRequestURI();
            requests.merge(uri.getPath(), 1, Integer::sum);
            Map<String, String> q = form(uri.getRawQuery());
            if (ex.getRequestMethod().equals("POST")) {
                q.putAll(form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            }
            boolean restyled = variant == Variant.RESTYLED;
            switch (uri.getPath()) {
                case "/login" -> login(ex, q);
                case "/password" -> page(ex, "Password", ReplayPages.password(q.getOrDefault("username", "")));
                case "/profile" -> page(ex, "Profile", ReplayPages.profile(q.getOrDefault("u", ""), restyled));
                case "/plan" -> page(ex, "Plan", ReplayPages.plan(q, restyled));
                case "/confirm" -> {
                    if ("yes".equals(q.get("terms"))) {
                        page(ex, "Confirm", ReplayPages.confirm(q, restyled));
                    } else {
                        page(ex, "Plan", ReplayPages.plan(q, restyled));
                    }
                }
                case "/news" -> page(ex, "News", ReplayWidgetPages.start(q.getOrDefault("frame", ""), restyled));
                case "/newsletter" -> page(ex, "Newsletter", ReplayWidgetPages.newsletter(q.getOrDefault("frame", ""),
                        origin(), restyled));
                case "/signup-frame" -> page(ex, "Sign-up", ReplayWidgetPages.signupFrame(q.getOrDefault("back", ""), restyled));
                case "/signup-frame/sent" -> page(ex, "Subscribed", ReplayWidgetPages.signupSent(q.getOrDefault("email", ""),
                        q.getOrDefault("back", "")));
                case "/partner-frame" -> page(ex, "Partners", ReplayWidgetPages.partnerFrame());
                case "/receipt" -> page(ex, "Receipt", ReplayWidgetPages.receipt(q.getOrDefault("email", ""), restyled));
                case "/receipt/done" -> page(ex, "Receipt confirmed", ReplayWidgetPages.receiptDone(q.getOrDefault("email", "")));
                case "/done" -> page(ex, "Done", "<h1>Thank you</h1><p>Confirmation: "
                        + confirmation(q.getOrDefault("u", "?"), q.getOrDefault("country", "?")) + "</p>");
                default -> send(ex, 404, "<p>not found</p>");
            }
        }
    }

    private void login(HttpExchange ex, Map<String, String> q) throws IOException {
        if (ex.getRequestMethod().equals("POST")) {
            if (variant == Variant.SPLIT && !q.containsKey("password")) {
                redirect(ex, "/password?username=" + q.getOrDefault("username", ""));
            } else if (PASSWORD.equals(q.get("password")) && !q.getOrDefault("username", "").isBlank()) {
                redirect(ex, "/profile?u=" + q.get("username"));
            } else {
                page(ex, "Sign in", "<p>Wrong username or password</p>" + ReplayPages.login(variant));
            }
            return;
        }
        page(ex, "Sign in", ReplayPages.login(variant));
    }

    private static void page(HttpExchange ex, String title, String body) throws IOException {
        send(ex, 200, "<!doctype html><html><head><title>" + title + "</title></head><body>" + body + "</body></html>");
    }

    private static void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().set("Location", to);
        ex.sendResponseHeaders(303, -1);
    }

    private static void send(HttpExchange ex, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> out = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
