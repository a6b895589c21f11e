package io.skyvern.server;

import io.skyvern.Skyvern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What a SIGTERM does to a server process (the JVM shutdown hook of {@link ServerMain}), in order:
 * <ol>
 * <li>stop claiming runs: a run claimed now would only have to be handed back;</li>
 * <li>stop accepting HTTP: new connections are refused, requests in flight finish
 *     ({@link SkyvernServer#stop(Duration)});</li>
 * <li>wait for the runs in flight until the grace period, counted from the signal, is over;</li>
 * <li>hand the runs still running back to the queue (queued, no lease), so another node or the
 *     next start takes them at once rather than after their lease expires;</li>
 * <li>close the browser, the webhook sender and the database.</li>
 * </ol>
 * Each phase is logged with a {@code shutdown:} prefix. Runs once.
 */
final class GracefulShutdown implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final SkyvernServer server;
    private final Skyvern skyvern;
    private final Duration grace;

    GracefulShutdown(SkyvernServer server, Skyvern skyvern, Duration grace) {
        this.server = Objects.requireNonNull(server, "server");
        this.skyvern = Objects.requireNonNull(skyvern, "skyvern");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        long deadline = start + grace.toNanos();
        LOG.info("shutdown: stopping gracefully, grace period {} s (SKYVERN_SHUTDOWN_GRACE_SECONDS); {} run(s) in "
                + "flight", grace.toMillis() / 1000.0, skyvern.runsInFlight());
        skyvern.stopClaiming();
        try {
            server.stop(grace);
        } catch (RuntimeException e) {
            // Jetty reports requests that outlived the drain as a timeout; they were cut, go on.
            LOG.warn("shutdown: the HTTP server did not stop cleanly: {}", e.toString());
        }
        // The runs had the HTTP drain time already; they get what is left of the same grace period.
        try {
            skyvern.shutdown(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (RuntimeException e) {
            LOG.warn("shutdown: closing the library failed", e);
        }
        LOG.info("shutdown: complete after {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
}
