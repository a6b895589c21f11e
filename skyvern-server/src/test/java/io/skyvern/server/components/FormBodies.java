package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.skyvern.common.Json;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Reads what a page submitted (query, form-encoded or JSON body) and answers it. */
final class FormBodies {
    private FormBodies() {
    }

    static Submission read(HttpExchange ex, String form, String origin) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>(parse(Objects.requireNonNullElse(ex.getRequestURI().getRawQuery(), "")));
        String type = Objects.requireNonNullElse(ex.getRequestHeaders().getFirst("Content-Type"), "");
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (type.startsWith("application/json")) {
            JsonNode json = Json.mapper().readTree(body.isBlank() ? "{}" : body);
            json.fields().forEachRemaining(e -> fields.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        } else if (!body.isEmpty()) {
            fields.putAll(parse(body));
        }
        return new Submission(form, origin, fields, ex.getRequestHeaders().getFirst("Cookie"));
    }

    /** JSON for a {@code fetch} that asked for it, else a small thank-you page that echoes the fields. */
    static void thank(HttpExchange ex, Submission s) throws IOException {
        String accept = Objects.requireNonNullElse(ex.getRequestHeaders().getFirst("Accept"), "");
        String type = Objects.requireNonNullElse(ex.getRequestHeaders().getFirst("Content-Type"), "");
        if (accept.contains("application/json") || type.startsWith("application/json")) {
            byte[] body = Json.mapper().writeValueAsBytes(Map.of("ok", true, "received", s.fields()));
            ComponentSite.send(ex, 200, "application/json", body);
            return;
        }
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>Thank you</title></head><body>"
                + "<h1>Thank you</h1><p id=\"result\">We received your " + escape(s.form()) + " form.</p><ul>");
        s.fields().forEach((k, v) -> html.append("<li>").append(escape(k)).append(": ").append(escape(v)).append("</li>"));
        html.append("</ul>");
        String referer = ex.getRequestHeaders().getFirst("Referer");
        if (referer != null && referer.startsWith("http")) {
            html.append("<p><a href=\"").append(escape(referer)).append("\">Back to the previous page</a></p>");
        }
        html.append("</body></html>");
        ComponentSite.send(ex, 200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            out.merge(key, value, (a, b) -> a + "," + b);
        }
        return out;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
