package io.skyvern.task;

/** Cancel with an optional reason; {@code force} stops a running task at once. */
public record CancelRequest(String reason, boolean force) {
    public static CancelRequest of(String reason) {
        return new CancelRequest(reason, false);
    }

    /** The failure_reason of every canceled run, task or workflow run: "Canceled" or "Canceled: why". */
    public String failureReason() {
        return reason == null || reason.isBlank() ? "Canceled" : "Canceled: " + reason.strip();
    }
}
