package io.skyvern.agent;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one action: success or failure with a message that the model reads in the next
 * step (so it can correct itself, e.g. after naming an element that does not exist), and the file
 * a download action saved.
 */
public record ActionOutcome(Action action, boolean success, String message, long durationMs, Optional<Path> download) {
    public ActionOutcome {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(download, "download");
    }

    public static ActionOutcome ok(Action action, String message, long durationMs) {
        return new ActionOutcome(action, true, message, durationMs, Optional.empty());
    }

    public static ActionOutcome failed(Action action, String message, long durationMs) {
        return new ActionOutcome(action, false, message, durationMs, Optional.empty());
    }
}
