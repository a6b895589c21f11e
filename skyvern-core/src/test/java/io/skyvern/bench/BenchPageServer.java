package io.skyvern.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Base64;

/**
 * Serves the benchmark pages of {@code src/test/resources/bench-pages/} on loopback. Their images
 * ({@code .jpg}, {@code .png}, {@code .webp}) all get one small grey PNG, so the pages lay out as
 * they would with real images and nothing is fetched from outside; anything else is a 404.
 */
final class BenchPageServer implements AutoCloseable {
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mN8+R8AAtcB6oaHtZcAAAAASUVORK5CYII=");
    private final HttpServer server;

    private BenchPageServer(HttpServer server) {
        this.server = server;
    }

    static BenchPageServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", BenchPageServer::handle);
        server.start();
        return new BenchPageServer(server);
    }

    String url(String page) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + page;
    }

    private static void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.matches("/[a-z-]+\\.html")) {
            try (InputStream in = BenchPageServer.class.getResourceAsStream("/bench-pages" + path)) {
                if (in != null) {
                    send(ex, 200, "text/html; charset=utf-8", in.readAllBytes());
                    return;
                }
            }
        } else if (path.matches(".*\\.(jpg|jpeg|png|webp)")) {
            send(ex, 200, "image/png", PNG);
            return;
        }
        send(ex, 404, "text/plain", new byte[0]);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
