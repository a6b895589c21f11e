package io.skyvern.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request.
 *
 * @param kind       the mutation(s) applied, for the report
 * @param target     the raw path and query as sent (already percent-encoded)
 * @param headers    [name, value] pairs
 * @param body       the body bytes, or null for none
 * @param rawHead    when set, the request line and headers are sent as these bytes over a socket
 * @param mustFail   the request must not succeed (bad key, another organisation's id)
 * @param sentRequestId a well-formed X-Request-ID we sent, which must be echoed; else null
 */
record FuzzCase(int index, String kind, FuzzRoute route, String method, String target, List<List<String>> headers,
                byte[] body, byte[] rawHead, boolean mustFail, String sentRequestId) {

    /** Whether a successful answer to this request may have written to the database. */
    boolean mayWrite() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    String describe() {
        StringBuilder s = new StringBuilder();
        s.append('#').append(index).append(" [").append(kind).append("] ").append(method).append(' ')
                .append(LiveServer.abbreviate(target));
        for (List<String> h : headers) {
            String value = h.get(0).equalsIgnoreCase("x-api-key") ? "<key " + h.get(1).length() + " chars>" : h.get(1);
            s.append("\n    ").append(h.get(0)).append(": ").append(LiveServer.abbreviate(value));
        }
        if (rawHead != null) {
            s.append("\n    raw head: ").append(LiveServer.abbreviate(
                    new String(rawHead, StandardCharsets.ISO_8859_1).replace("\r\n", "\\r\\n")));
        }
        if (body != null) {
            s.append("\n    body (").append(body.length).append(" bytes): ")
                    .append(LiveServer.abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
        return s.toString();
    }
}
