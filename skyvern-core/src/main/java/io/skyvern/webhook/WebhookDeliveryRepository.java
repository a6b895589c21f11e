package io.skyvern.webhook;

import java.util.List;
import java.util.Optional;

/** The delivery log, and the organisations' signing keys the sender needs. */
public interface WebhookDeliveryRepository {
    void insert(WebhookDelivery delivery);

    /** Oldest first; empty for another organisation's task. */
    List<WebhookDelivery> listByTask(String organizationId, String taskId);

    /** Oldest first; empty for another organisation's run. */
    List<WebhookDelivery> listByWorkflowRun(String organizationId, String workflowRunId);

    /** The organisation's webhook signing key, if the organisation exists. */
    Optional<String> signingKey(String organizationId);
}
