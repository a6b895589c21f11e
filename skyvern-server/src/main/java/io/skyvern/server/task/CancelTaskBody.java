package io.skyvern.server.task;

/** The optional body of POST /api/v1/tasks/{task_id}/cancel. */
public record CancelTaskBody(String reason, Boolean force) {
    static final CancelTaskBody NONE = new CancelTaskBody(null, false);

    boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
