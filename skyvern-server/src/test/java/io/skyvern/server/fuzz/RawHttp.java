package io.skyvern.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket with {@code Connection: close}: sends exactly the given bytes (so
 * invalid UTF-8 or control characters reach the server) and parses the answer, plain, chunked or
 * until end of stream.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** requestHead: request line and headers, each ending in CRLF, without the blank line. */
    static LiveServer.Reply exchange(String host, int port, byte[] requestHead, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(requestHead);
                String tail = "Connection: close\r\n"
                        + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
                out.write(tail.getBytes(StandardCharsets.US_ASCII));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException refusedEarly) {
                // the server answered and closed before reading everything: its answer is still there
            }
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("raw exchange failed: " + e, e);
        }
    }

    static LiveServer.Reply parse(byte[] all) {
        int headEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (headEnd < 0) {
            throw new IllegalStateException("No HTTP response head in " + all.length + " bytes: "
                    + new String(all, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, headEnd + 4, all.length);
        List<String> te = LiveServer.headerValues(headers, "transfer-encoding");
        if (te.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            rest = dechunk(rest);
        }
        return new LiveServer.Reply(status, headers, LiveServer.decode(headers, rest));
    }

    private static byte[] dechunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < data.length) {
            int lineEnd = indexOf(data, "\r\n".getBytes(StandardCharsets.US_ASCII), pos);
            String sizeText = new String(data, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(data, lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, pattern, 0);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
