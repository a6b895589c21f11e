package io.skyvern.bench;

import io.skyvern.Skyvern;
import io.skyvern.task.CancelRequest;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import io.skyvern.task.TaskStatus;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps {@code concurrency} agent runs going until a deadline: each driver thread creates a task,
 * waits for its end, counts it and starts the next. Counts are taken (and reset) by the sampler
 * once a minute. A task that does not end within {@link #TASK_LIMIT} is canceled and counted as
 * failed. Benchmark support.
 */
final class SoakDrivers implements AutoCloseable {
    static final Duration TASK_LIMIT = Duration.ofMinutes(3);

    private final Skyvern skyvern;
    private final String org;
    private final String url;
    private final long deadlineNanos;
    private final ExecutorService threads;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();

    SoakDrivers(Skyvern skyvern, String org, String url, int concurrency, long deadlineNanos) {
        this.skyvern = skyvern;
        this.org = org;
        this.url = url;
        this.deadlineNanos = deadlineNanos;
        this.threads = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "soak-driver");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < concurrency; i++) {
            threads.submit(this::drive);
        }
        threads.shutdown();
    }

    private void drive() {
        while (System.nanoTime() < deadlineNanos && !Thread.currentThread().isInterrupted()) {
            try {
                Task task = skyvern.tasks().create(org, CreateTaskRequest.builder(url, "Look around the page").build());
                count(await(task.taskId()));
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                reasons.computeIfAbsent("driver: " + e, k -> new AtomicInteger()).incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Task await(String taskId) throws InterruptedException {
        long limit = System.nanoTime() + TASK_LIMIT.toNanos();
        while (true) {
            Task t = skyvern.tasks().get(org, taskId);
            if (t.status().isFinal()) {
                return t;
            }
            if (System.nanoTime() > limit) {
                skyvern.tasks().cancel(org, taskId, new CancelRequest("soak: no end after " + TASK_LIMIT, true));
                return skyvern.tasks().get(org, taskId);
            }
            Thread.sleep(50);
        }
    }

    private void count(Task t) {
        if (t.status() == TaskStatus.COMPLETED) {
            completed.incrementAndGet();
        } else {
            failed.incrementAndGet();
            String reason = t.status().wireName() + ": " + t.failureReason();
            reasons.computeIfAbsent(reason.length() > 160 ? reason.substring(0, 160) : reason,
                    k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Completed tasks since the last call. */
    int takeCompleted() {
        return completed.getAndSet(0);
    }

    /** Tasks that ended any other way since the last call. */
    int takeFailed() {
        return failed.getAndSet(0);
    }

    /** Why tasks failed, with counts (the whole soak). */
    Map<String, AtomicInteger> failureReasons() {
        return reasons;
    }

    /** Waits for the drivers to finish their last tasks; false on timeout. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
