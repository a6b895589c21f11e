package io.skyvern.client;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a run to reach a final status: it reads the run, and if it is not final yet reads it
 * again after a delay that grows from {@code first} to {@code max} (×1.5 each time), or at once
 * when {@link #wake()} is called (an in-process client wakes it when a worker finishes the run).
 * A transient failure to read ({@code SERVICE_UNAVAILABLE}, e.g. a server restarting) is retried;
 * any other failure, such as NOT_FOUND, ends the wait with that exception. Cancelling the future
 * stops the watch only; the run goes on. Reads run on the JDK's common pool.
 */
final class RunWatch<T> {
    private final Supplier<T> read;
    private final Predicate<T> isFinal;
    private final Duration max;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private Duration delay;
    private long generation;  // guarded by this: a wake() makes pending timed reads stale

    private RunWatch(Supplier<T> read, Predicate<T> isFinal, Duration first, Duration max) {
        this.read = Objects.requireNonNull(read, "read");
        this.isFinal = Objects.requireNonNull(isFinal, "isFinal");
        this.delay = Objects.requireNonNull(first, "first");
        this.max = Objects.requireNonNull(max, "max");
    }

    /** A watch that has not read yet; {@link #begin()} starts it (subscribe to wake-ups first). */
    static <T> RunWatch<T> create(Supplier<T> read, Predicate<T> isFinal, Duration first, Duration max) {
        return new RunWatch<>(read, isFinal, first, max);
    }

    /** Starts watching with a first read now. */
    static <T> RunWatch<T> start(Supplier<T> read, Predicate<T> isFinal, Duration first, Duration max) {
        RunWatch<T> watch = create(read, isFinal, first, max);
        watch.begin();
        return watch;
    }

    /** The first read, now (on the common pool). */
    RunWatch<T> begin() {
        wake();
        return this;
    }

    CompletableFuture<T> future() {
        return result;
    }

    /** Reads again now (a worker is done with the run). */
    void wake() {
        long g;
        synchronized (this) {
            g = ++generation;
        }
        CompletableFuture.runAsync(() -> check(g));
    }

    private synchronized long currentGeneration() {
        return generation;
    }

    private void check(long g) {
        if (result.isDone() || g != currentGeneration()) {
            return;
        }
        try {
            T value = read.get();
            if (isFinal.test(value)) {
                result.complete(value);
                return;
            }
        } catch (SkyvernException e) {
            if (e.errorCode() != ErrorCode.SERVICE_UNAVAILABLE) {
                result.completeExceptionally(e);
                return;
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        schedule(g);
    }

    private void schedule(long g) {
        Duration next;
        synchronized (this) {
            next = delay;
            long grown = Math.min(max.toMillis(), Math.round(delay.toMillis() * 1.5));
            delay = Duration.ofMillis(grown);
        }
        CompletableFuture.delayedExecutor(next.toMillis(), TimeUnit.MILLISECONDS).execute(() -> check(g));
    }

    /**
     * Blocks until the future completes or {@code timeout} passes; then stops the watch and throws
     * {@code notFinished} applied to the last state read. Interrupts are restored.
     */
    static <T> T await(CompletableFuture<T> future, Duration timeout, Supplier<T> lastState,
                       Function<T, SkyvernException> notFinished) {
        Objects.requireNonNull(timeout, "timeout");
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw notFinished.apply(lastState.get());
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new SkyvernException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting for the run");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
