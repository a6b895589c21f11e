package io.skyvern.idempotency;

import java.util.Objects;

/** The answer of a create as it was first given: HTTP status and the JSON of its data. */
public record StoredResponse(int status, String body) {
    public StoredResponse {
        Objects.requireNonNull(body, "body");
    }
}
