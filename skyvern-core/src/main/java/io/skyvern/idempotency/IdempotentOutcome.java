package io.skyvern.idempotency;

import java.util.Objects;

/** The answer to give, and whether it is a replay of an earlier request with the same key. */
public record IdempotentOutcome(StoredResponse response, boolean replayed) {
    public IdempotentOutcome {
        Objects.requireNonNull(response, "response");
    }
}
