package io.skyvern.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a live view for a while, as a viewer would, and splits it into its JPEG parts. */
record LiveFrames(int status, String contentType, List<byte[]> jpegs, long bytes, double seconds) {
    static LiveFrames read(String url, String apiKey, Duration duration) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("x-api-key", apiKey).build(), HttpResponse.BodyHandlers.ofInputStream());
            long start = System.nanoTime();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = response.body();
            Thread closer = new Thread(() -> {
                try {
                    Thread.sleep(duration.toMillis());
                    in.close();
                } catch (InterruptedException | IOException ignored) {
                    // the read below ends either way
                }
            });
            closer.setDaemon(true);
            closer.start();
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int n; (n = in.read(buffer)) >= 0 && System.nanoTime() - start < duration.toNanos(); ) {
                    all.write(buffer, 0, n);
                }
            } catch (IOException closedByUs) {
                // the closer ended the stream
            }
            closer.interrupt();
            in.close();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new LiveFrames(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    split(all.toByteArray()), all.size(), seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bodies of the complete image/jpeg parts (by their Content-Length). */
    static List<byte[]> split(byte[] body) {
        List<byte[]> parts = new ArrayList<>();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String marker = "Content-Length: ";
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
            int end = text.indexOf("\r\n", i);
            int length = Integer.parseInt(text.substring(i + marker.length(), end).trim());
            int start = end + 4;
            if (start + length <= body.length) {
                byte[] part = new byte[length];
                System.arraycopy(body, start, part, 0, length);
                parts.add(part);
            }
        }
        return parts;
    }

    double fps() {
        return jpegs.size() / seconds;
    }
}
