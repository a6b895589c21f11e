package io.skyvern.webhook;

import java.util.Objects;

/** One webhook to send: for which run, where, and the exact JSON body bytes that get signed. */
public record WebhookRequest(String organizationId, String taskId, String workflowRunId, String url, byte[] body) {
    public WebhookRequest {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        if ((taskId == null) == (workflowRunId == null)) {
            throw new IllegalArgumentException("a webhook is for exactly one task or workflow run");
        }
    }

    public static WebhookRequest forTask(String organizationId, String taskId, String url, byte[] body) {
        return new WebhookRequest(organizationId, taskId, null, url, body);
    }

    public static WebhookRequest forWorkflowRun(String organizationId, String workflowRunId, String url, byte[] body) {
        return new WebhookRequest(organizationId, null, workflowRunId, url, body);
    }
}
