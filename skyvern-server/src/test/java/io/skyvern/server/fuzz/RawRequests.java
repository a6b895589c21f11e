package io.skyvern.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Request heads with damage the JDK client would refuse to send: raw bytes in the path and in headers. */
final class RawRequests {
    private RawRequests() {
    }

    static byte[] head(String damage, String method, String target, List<List<String>> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String version = damage.equals("http10") ? "HTTP/1.0" : "HTTP/1.1";
        write(out, method + " ");
        if (damage.equals("path_bytes")) {
            int slash = target.lastIndexOf('/');
            write(out, target.substring(0, slash + 1));
            out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28, 'x'});
        } else {
            write(out, target);
        }
        write(out, " " + version + "\r\n");
        if (!damage.equals("http10")) {
            write(out, "Host: 127.0.0.1\r\n");
        }
        for (List<String> h : headers) {
            write(out, h.get(0) + ": ");
            out.writeBytes(h.get(1).getBytes(StandardCharsets.UTF_8));
            write(out, "\r\n");
        }
        switch (damage) {
            case "header_bytes" -> {
                write(out, "X-Fuzz: ");
                out.writeBytes(new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0x80});
                write(out, "\r\n");
            }
            case "header_ctl" -> write(out, "X-Fuzz: a\u0001b\u007f\r\n");
            case "request_id_crlf" -> write(out, "X-Request-ID: abc\rX-Injected: 1\r\n");
            default -> { }
        }
        return out.toByteArray();
    }

    /** A head for headers the JDK client refuses (non-ASCII, control characters), without other damage. */
    static byte[] plain(String method, String target, List<List<String>> headers) {
        return head("none", method, target, headers);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
