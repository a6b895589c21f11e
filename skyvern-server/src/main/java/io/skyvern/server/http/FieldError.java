package io.skyvern.server.http;

import java.util.Objects;

/** One malformed input: the field (dotted path, or {@code body}) and what is wrong with it. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
