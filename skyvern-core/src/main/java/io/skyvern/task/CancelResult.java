package io.skyvern.task;

/** The task after cancellation and how long the cancellation took (spec: cancellation_time_ms). */
public record CancelResult(Task task, long cancellationTimeMs) {
}
