package io.skyvern.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A site that signs in with two factors, on 127.0.0.1 (free port): {@code /login} asks for username
 * and password, then {@code /mfa} for a 6-digit code that it checks against its TOTP secret at the
 * current time, one 30 s window either side (its own RFC 6238 code, independent of the product's),
 * then {@code /account} greets the user. Every code attempt is recorded with its verdict.
 */
public final class TotpLoginSite implements AutoCloseable {
    /** One code the site was sent and whether it let the user in. */
    public record CodeAttempt(String code, boolean accepted) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final String user;
    private final String password;
    private final byte[] secret;
    private final Map<String, String> pending = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final List<CodeAttempt> attempts = new CopyOnWriteArrayList<>();
    private final List<String> passwordLogins = new CopyOnWriteArrayList<>();

    private TotpLoginSite(HttpServer server, String user, String password, byte[] secret) {
        this.server = server;
        this.user = user;
        this.password = password;
        this.secret = secret.clone();
    }

    /** {@code secret} is the raw TOTP key (the Base32 text decodes to it). */
    public static TotpLoginSite start(String user, String password, byte[] secret) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TotpLoginSite site = new TotpLoginSite(server, user, password, secret);
            server.createContext("/", site::handle);
            server.setExecutor(site.executor);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<CodeAttempt> attempts() {
        return List.copyOf(attempts);
    }

    /** How many times the right password was sent (the run reached the code page). */
    public int passwordLogins() {
        return passwordLogins.size();
    }

    public long signIns() {
        return attempts.stream().filter(CodeAttempt::accepted).count();
    }

    /** The code of the current 30 s window, computed the way the site checks it. */
    public String currentCode() {
        return code(System.currentTimeMillis() / 1000 / 30);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            boolean post = "POST".equals(ex.getRequestMethod());
            switch (path) {
                case "/login" -> {
                    if (post) {
                        password(ex);
                    } else {
                        send(ex, 200, page("Sign in", "<form method=\"post\" action=\"/login\">"
                                + "<input name=\"username\" placeholder=\"Your username\">"
                                + "<input name=\"password\" type=\"password\" placeholder=\"Password\">"
                                + "<button type=\"submit\">Sign in</button></form>"));
                    }
                }
                case "/mfa" -> {
                    if (post) {
                        code(ex);
                    } else {
                        send(ex, 200, page("Two-step verification", "<p>Enter the 6-digit code from your app.</p>"
                                + "<form method=\"post\" action=\"/mfa\"><input name=\"code\" inputmode=\"numeric\" "
                                + "placeholder=\"6-digit code\"><button type=\"submit\">Verify</button></form>"));
                    }
                }
                case "/account" -> {
                    String session = cookie(ex);
                    send(ex, 200, sessions.containsKey(session)
                            ? page("Account", "<h1>Welcome " + sessions.get(session) + "</h1><p>Signed in with two factors</p>")
                            : page("Sign in first", "<p>Please sign in first</p>"));
                }
                default -> send(ex, 404, page("Not found", "<p>Not found</p>"));
            }
        }
    }

    private void password(HttpExchange ex) throws IOException {
        Map<String, String> form = form(ex);
        if (user.equals(form.get("username")) && password.equals(form.get("password"))) {
            passwordLogins.add(user);
            String token = UUID.randomUUID().toString();
            pending.put(token, user);
            redirect(ex, "/mfa", token);
        } else {
            send(ex, 200, page("Sign in", "<p>Wrong username or password</p>"));
        }
    }

    private void code(HttpExchange ex) throws IOException {
        String token = cookie(ex);
        String code = form(ex).getOrDefault("code", "").trim();
        long window = System.currentTimeMillis() / 1000 / 30;
        boolean ok = pending.containsKey(token)
                && (code.equals(code(window - 1)) || code.equals(code(window)) || code.equals(code(window + 1)));
        attempts.add(new CodeAttempt(code, ok));
        if (ok) {
            sessions.put(token, pending.remove(token));
            redirect(ex, "/account", token);
        } else {
            send(ex, 200, page("Two-step verification", "<p>Wrong code</p>"));
        }
    }

    private String code(long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int o = h[h.length - 1] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(HttpExchange ex) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String cookie(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Cookie");
        if (header == null) {
            return "";
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith("mfa_session=")) {
                return p.substring("mfa_session=".length());
            }
        }
        return "";
    }

    private static void redirect(HttpExchange ex, String location, String token) throws IOException {
        ex.getResponseHeaders().add("Set-Cookie", "mfa_session=" + token + "; Path=/; HttpOnly");
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(303, -1);
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><title>" + title + "</title></head><body>" + body + "</body></html>";
    }

    private static void send(HttpExchange ex, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
