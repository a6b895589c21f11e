package io.skyvern.server.task;

import io.skyvern.webhook.DeliveryResult;

/** The outcome of POST /api/v1/tasks/{task_id}/retry_webhook. */
public record WebhookRetryResponse(String taskId, boolean delivered, int attempts, Integer statusCode, String error) {
    static WebhookRetryResponse of(String taskId, DeliveryResult r) {
        return new WebhookRetryResponse(taskId, r.succeeded(), r.attempts(),
                r.lastStatusCode().isPresent() ? r.lastStatusCode().getAsInt() : null, r.error().orElse(null));
    }
}
