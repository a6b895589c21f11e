package io.skyvern.cli.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The demo's bookshop, served from the bundled {@code demo-site/} resources on 127.0.0.1 and a free
 * port: {@code /} has a search form (input {@code q}, a Search button), {@code /search?q=...}
 * lists the matching books (title, author, price) in a table. Nothing leaves the machine.
 */
public final class DemoSite implements AutoCloseable {
    /** One book on the shelf. */
    public record Book(String title, String author, BigDecimal price) {
        public Book {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(price, "price");
        }

        boolean matches(String query) {
            String q = query.strip().toLowerCase(Locale.ROOT);
            return !q.isEmpty() && (title.toLowerCase(Locale.ROOT).contains(q) || author.toLowerCase(Locale.ROOT).contains(q));
        }
    }

    private static final String ROOT = "demo-site/";
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Book> books;
    private final String home;
    private final String results;
    private final String style;

    private DemoSite() throws IOException {
        books = parseBooks(resource("books.tsv"));
        home = resource("index.html");
        results = resource("results.html");
        style = resource("style.css");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "demo-site");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts the site on 127.0.0.1 and a free port. */
    public static DemoSite start() {
        try {
            return new DemoSite();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the demo site", e);
        }
    }

    /** The site's home page, e.g. {@code http://127.0.0.1:PORT/}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Every book on the shelf. */
    public List<Book> books() {
        return books;
    }

    /** The books a search for {@code query} lists. */
    public List<Book> search(String query) {
        return books.stream().filter(b -> b.matches(query)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "text/plain", "GET only");
            } else if (path.equals("/") || path.equals("/index.html")) {
                send(exchange, 200, "text/html", home);
            } else if (path.equals("/search")) {
                send(exchange, 200, "text/html", resultsPage(query(exchange.getRequestURI().getRawQuery())));
            } else if (path.equals("/style.css")) {
                send(exchange, 200, "text/css", style);
            } else {
                send(exchange, 404, "text/plain", "Not found");
            }
        }
    }

    private String resultsPage(String query) {
        List<Book> found = search(query);
        String rows = found.stream().map(b -> "      <tr><td>" + escape(b.title()) + "</td><td>" + escape(b.author())
                + "</td><td>$" + b.price().toPlainString() + "</td></tr>").collect(Collectors.joining("\n"));
        return results.replace("{{query}}", escape(query)).replace("{{count}}", String.valueOf(found.size()))
                .replace("{{rows}}", rows);
    }

    static String query(String rawQuery) {
        if (rawQuery == null) {
            return "";
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("q")) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static List<Book> parseBooks(String tsv) {
        return tsv.lines().filter(line -> !line.isBlank()).map(line -> {
            String[] cells = line.split("\t");
            return new Book(cells[0], cells[1], new BigDecimal(cells[2]));
        }).toList();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String resource(String name) {
        try (InputStream in = DemoSite.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled resource " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
