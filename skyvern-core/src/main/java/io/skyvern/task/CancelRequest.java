package io.skyvern.task;

/** Cancel with an optional reason; {@code force} stops a running task at once. */
public record CancelRequest(String reason, boolean force) {
    public static CancelRequest of(String reason) {
        return new CancelRequest(reason, false);
    }
}
