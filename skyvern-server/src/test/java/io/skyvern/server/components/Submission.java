package io.skyvern.server.components;

import java.util.Map;
import java.util.Objects;

/**
 * One thing a fixture page sent to the fixture server: a form POST/GET or a {@code fetch}, as the
 * server received it. This is what a scenario asserts on — the page's own word, never the agent's.
 *
 * @param form    the name after {@code /submit/} (which page or widget sent it)
 * @param origin  the origin it was sent to ({@code http://127.0.0.1:PORT} or {@code http://localhost:PORT})
 * @param fields  the submitted fields (form-encoded, or the top-level members of a JSON object)
 * @param cookies the {@code Cookie} header as sent (empty when none)
 */
record Submission(String form, String origin, Map<String, String> fields, String cookies) {
    Submission {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(origin, "origin");
        fields = Map.copyOf(fields);
        cookies = cookies == null ? "" : cookies;
    }

    String field(String name) {
        return fields.getOrDefault(name, "");
    }
}
