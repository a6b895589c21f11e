package io.skyvern.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt in the delivery log. {@code taskId} or {@code workflowRunId} is null (the other
 * names the run); {@code statusCode} is null when no answer came, {@code error} when one did.
 */
public record WebhookDelivery(String deliveryId, String organizationId, String taskId, String workflowRunId,
                              String url, int attempt, Integer statusCode, String error, boolean succeeded,
                              long durationMs, Instant createdAt) {
    public WebhookDelivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
