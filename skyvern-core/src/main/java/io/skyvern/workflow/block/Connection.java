package io.skyvern.workflow.block;

import java.util.Objects;
import java.util.Optional;

/** An edge of the workflow graph; {@code condition} ("true"/"false"…) only on a condition block's edges. */
public record Connection(String source, String target, Optional<String> condition) {
    public Connection {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(condition, "condition");
    }
}
