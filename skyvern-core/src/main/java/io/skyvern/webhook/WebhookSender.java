package io.skyvern.webhook;

import io.skyvern.netpolicy.NetworkPolicy;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.IdPrefix;
import io.skyvern.common.SkyvernException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends signed webhooks: POST of the exact body with {@code Content-Type: application/json},
 * {@code x-skyvern-signature} and {@code x-skyvern-timestamp}, and the {@link StandardWebhooks}
 * headers (one {@code webhook-id} for all attempts of a delivery, the timestamp signed); up to {@code maxAttempts} attempts
 * with exponential backoff on 429, 5xx, timeouts and network errors (other answers are final);
 * redirects are not followed (they could lead past the {@link NetworkPolicy}). Every attempt goes to
 * the delivery log. {@link #sendAsync} runs on a small executor of its own; close the sender at
 * shutdown. Thread-safe.
 */
public final class WebhookSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int MAX_ERROR = 2000;

    private final WebhookDeliveryRepository repository;
    private final WebhookOptions options;
    private final IdGenerator ids;
    private final Clock clock;
    private final NetworkPolicy guard;
    private final HttpClient http;
    private final ExecutorService executor;

    public WebhookSender(WebhookDeliveryRepository repository, WebhookOptions options, IdGenerator ids, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.options = Objects.requireNonNull(options, "options");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.guard = NetworkPolicy.allowingPrivateNetwork(options.allowPrivateNetwork());
        this.http = HttpClient.newBuilder().connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "skyvern-webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Sends in the background; the future completes with the outcome after the last attempt. */
    public CompletableFuture<DeliveryResult> sendAsync(WebhookRequest request) {
        Objects.requireNonNull(request, "request");
        return CompletableFuture.supplyAsync(() -> send(request), executor);
    }

    /**
     * Sends now, retrying as configured, and returns the outcome (failures are values, not
     * exceptions). ORGANIZATION_NOT_FOUND when the organisation has no signing key.
     */
    public DeliveryResult send(WebhookRequest request) {
        Objects.requireNonNull(request, "request");
        String key = repository.signingKey(request.organizationId()).orElseThrow(() ->
                SkyvernException.notFound(ErrorCode.ORGANIZATION_NOT_FOUND, "Organization", request.organizationId()));
        URI uri;
        try {
            uri = URI.create(request.url());
        } catch (IllegalArgumentException e) {
            return refuse(request, "invalid URL");
        }
        Optional<String> refusal = guard.refusal(uri);
        if (refusal.isPresent()) {
            return refuse(request, "refused: " + refusal.get());
        }
        String signature = WebhookSignature.sign(request.body(), key);
        String deliveryId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        DeliveryResult result = null;
        for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            if (attempt > 1 && !pause(options.backoffBefore(attempt))) {
                return result;
            }
            Attempt a = attempt(uri, request.body(), signature, deliveryId, key);
            record(request, attempt, a);
            result = new DeliveryResult(a.succeeded(), attempt,
                    a.status == null ? OptionalInt.empty() : OptionalInt.of(a.status), Optional.ofNullable(a.error));
            if (a.succeeded() || !a.retryable()) {
                break;
            }
        }
        if (!result.succeeded()) {
            LOG.warn("Webhook for {} gave up after {} attempt(s): {}", runId(request), result.attempts(),
                    result.error().orElse("HTTP " + result.lastStatusCode()));
        }
        return result;
    }

    /** The delivery log of a task ({@code tsk_…}) or workflow run ({@code wr_…}), oldest first. */
    public List<WebhookDelivery> deliveries(String organizationId, String runId) {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(runId, "runId");
        return runId.startsWith(IdPrefix.WORKFLOW_RUN.prefix() + "_")
                ? repository.listByWorkflowRun(organizationId, runId)
                : repository.listByTask(organizationId, runId);
    }

    private record Attempt(Integer status, String error, long durationMs) {
        boolean succeeded() {
            return status != null && WebhookOptions.isSuccess(status);
        }

        boolean retryable() {
            return status == null || WebhookOptions.isRetryable(status);
        }
    }

    private Attempt attempt(URI uri, byte[] body, String signature, String deliveryId, String key) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest httpRequest = HttpRequest.newBuilder(uri).timeout(options.timeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.SIGNATURE_HEADER, signature)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(StandardWebhooks.ID_HEADER, deliveryId)
                .header(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(StandardWebhooks.SIGNATURE_HEADER, StandardWebhooks.sign(deliveryId, timestamp, body, key))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(httpRequest, HttpResponse.BodyHandlers.discarding());
            return new Attempt(response.statusCode(), null, elapsedMs(start));
        } catch (IOException e) {
            return new Attempt(null, truncate(e.getClass().getSimpleName() + ": " + e.getMessage()), elapsedMs(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "interrupted", elapsedMs(start));
        }
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Sleeps between attempts; false when interrupted (the interrupt is kept). */
    private static boolean pause(Duration d) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private DeliveryResult refuse(WebhookRequest request, String reason) {
        record(request, 1, new Attempt(null, reason, 0));
        LOG.warn("Webhook for {} not sent: {}", runId(request), reason);
        return new DeliveryResult(false, 1, OptionalInt.empty(), Optional.of(reason));
    }

    private void record(WebhookRequest request, int attempt, Attempt a) {
        repository.insert(new WebhookDelivery(ids.next(IdPrefix.WEBHOOK_DELIVERY), request.organizationId(),
                request.taskId(), request.workflowRunId(), request.url(), attempt, a.status, a.error,
                a.succeeded(), a.durationMs, clock.instant()));
    }

    private static String runId(WebhookRequest r) {
        return r.taskId() != null ? r.taskId() : r.workflowRunId();
    }

    private static String truncate(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
