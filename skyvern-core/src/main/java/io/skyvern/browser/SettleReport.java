package io.skyvern.browser;

import java.util.Objects;

/**
 * What a snapshot waited for before it read the page, for the step's timings: how long, and what
 * it was waiting for ("dom quiet", "network idle 2 requests", "timed out: dom still changing" …).
 */
public record SettleReport(long waitedMs, String waitedFor) {
    public static final SettleReport NONE = new SettleReport(0, "nothing");

    public SettleReport {
        Objects.requireNonNull(waitedFor, "waitedFor");
        if (waitedMs < 0) {
            throw new IllegalArgumentException("waitedMs must be >= 0");
        }
    }
}
