package io.skyvern.execution;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.task.Task;
import io.skyvern.task.TaskRepository;
import io.skyvern.webhook.DeliveryResult;
import io.skyvern.webhook.WebhookRequest;
import io.skyvern.webhook.WebhookSender;
import io.skyvern.workflow.WorkflowRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The notify half of the one finish-and-notify path: sends the webhook of a task or workflow run
 * that reached a final status (in the background, with the sender's retries), whether a worker
 * finished it ({@link RunFinisher}) or it ended without one (canceled while queued); and a task's
 * again on request. Thread-safe.
 */
public final class RunWebhooks {
    private static final Logger LOG = LoggerFactory.getLogger(RunWebhooks.class);

    private final WebhookSender sender;
    private final TaskRepository tasks;

    public RunWebhooks(WebhookSender sender, TaskRepository tasks) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** Sends the webhook of a final task if it names a URL; completes with empty result otherwise. */
    public CompletableFuture<DeliveryResult> finished(Task task) {
        if (!task.status().isFinal() || !hasUrl(task)) {
            return CompletableFuture.completedFuture(null);
        }
        return sender.sendAsync(request(task)).exceptionally(e -> {
            LOG.warn("Webhook of task {} could not be sent: {}", task.taskId(), e.getMessage());
            return null;
        });
    }

    /** Sends the webhook of a final workflow run if it names a URL; completes with empty result otherwise. */
    public CompletableFuture<DeliveryResult> finished(WorkflowRun run) {
        if (!run.status().isFinal() || run.webhookCallbackUrl() == null || run.webhookCallbackUrl().isBlank()) {
            return CompletableFuture.completedFuture(null);
        }
        return sender.sendAsync(WebhookRequest.forWorkflowRun(run.organizationId(), run.workflowRunId(),
                run.webhookCallbackUrl(), WorkflowRunPayload.bytes(run))).exceptionally(e -> {
                    LOG.warn("Webhook of workflow run {} could not be sent: {}", run.workflowRunId(), e.getMessage());
                    return null;
                });
    }

    /**
     * Sends the webhook of a finished task again, now (the task service checks that it is final
     * and names a URL). Kept for callers of the library; {@code TaskService.retryWebhook} is the
     * checked entry point.
     */
    public DeliveryResult resend(Task task) {
        return sender.send(request(task));
    }

    /** {@link #resend} after the checks of {@code TaskService.retryWebhook}, by id. */
    public DeliveryResult retry(String organizationId, String taskId) {
        Task task = tasks.find(organizationId, taskId).orElseThrow(() ->
                SkyvernException.notFound(ErrorCode.TASK_NOT_FOUND, "Task", taskId));
        if (!task.status().isFinal()) {
            throw new SkyvernException(ErrorCode.TASK_NOT_FINISHED, "Task is " + task.status().wireName()
                    + "; its webhook is sent when it finishes");
        }
        if (!hasUrl(task)) {
            throw new SkyvernException(ErrorCode.WEBHOOK_NOT_CONFIGURED, "Task has no webhook_callback_url");
        }
        return resend(task);
    }

    private static boolean hasUrl(Task task) {
        return task.webhookCallbackUrl() != null && !task.webhookCallbackUrl().isBlank();
    }

    private static WebhookRequest request(Task task) {
        return WebhookRequest.forTask(task.organizationId(), task.taskId(), task.webhookCallbackUrl(),
                TaskWebhookBody.of(task));
    }
}
