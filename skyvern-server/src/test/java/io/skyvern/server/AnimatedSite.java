package io.skyvern.server;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A loopback page that never stops changing (a canvas animation, kept in view when scrolled, and a counter): the live view's subject. */
final class AnimatedSite implements AutoCloseable {
    private static final String PAGE = """
            <!doctype html><html><head><title>Animated</title></head><body>
            <h1>Moving picture</h1><p>frame <span id="n">0</span></p>
            <canvas id="c" width="800" height="400" style="border:1px solid #000; position: sticky; top: 0"></canvas>
            <div style="height:3000px"></div>
            <script>
            const c = document.getElementById('c').getContext('2d'); let n = 0;
            function draw() {
              n++; document.getElementById('n').textContent = n;
              c.fillStyle = `hsl(${n % 360}, 70%, 60%)`; c.fillRect(0, 0, 800, 400);
              c.fillStyle = '#000'; c.beginPath(); c.arc(400 + 300 * Math.sin(n / 20), 200, 40, 0, 7); c.fill();
              requestAnimationFrame(draw);
            }
            draw();
            </script></body></html>
            """;
    private final HttpServer server;

    private AnimatedSite(HttpServer server) {
        this.server = server;
    }

    static AnimatedSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new AnimatedSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/animated";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
