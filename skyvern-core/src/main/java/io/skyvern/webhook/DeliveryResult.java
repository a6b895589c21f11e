package io.skyvern.webhook;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** How a webhook went: success, attempts made, the last HTTP status and the last error if any. */
public record DeliveryResult(boolean succeeded, int attempts, OptionalInt lastStatusCode, Optional<String> error) {
    public DeliveryResult {
        Objects.requireNonNull(lastStatusCode, "lastStatusCode");
        Objects.requireNonNull(error, "error");
    }
}
