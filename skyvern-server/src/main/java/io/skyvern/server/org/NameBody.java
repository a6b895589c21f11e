package io.skyvern.server.org;

import io.skyvern.server.http.RequestValidationException;

/** A body with just a name (new organisation, new API key). */
public record NameBody(String name) {
    String required() {
        if (name == null || name.isBlank()) {
            throw RequestValidationException.of("name", "Field required");
        }
        return name.trim();
    }
}
