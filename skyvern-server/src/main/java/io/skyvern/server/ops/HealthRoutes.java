package io.skyvern.server.ops;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.skyvern.Skyvern;
import io.skyvern.auth.Organization;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.server.error.ErrorResponder;
import io.skyvern.server.http.ApiResponses;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.ApiRouteGroup;
import io.skyvern.server.http.ApiRoutes;
import io.skyvern.server.http.Operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * /health (database and browser; 503 when the database does not answer, "degraded" when no
 * browser can be provided) and /metrics (HTTP metrics plus queue depth and runs by status, read
 * from the database at each scrape). In production /metrics wants the bootstrap organisation's API
 * key (401 without a valid key, 403 with another organisation's): its figures span every
 * organisation and name the routes, so an anonymous scrape must not read them.
 */
public final class HealthRoutes implements ApiRouteGroup {
    /** Statuses of tasks and workflow runs, so that every gauge exists from the first scrape. */
    private static final List<String> STATUSES = List.of("created", "queued", "running", "completed", "failed",
            "terminated", "canceled", "timed_out");

    private final Skyvern skyvern;
    private final HttpMetrics metrics;
    private final boolean production;
    private final AtomicLong queueDepth = new AtomicLong();
    private final Map<String, AtomicLong> runs = new ConcurrentHashMap<>();
    private final AtomicLong replayedSteps = new AtomicLong();
    private final AtomicLong healedSteps = new AtomicLong();
    private final AtomicLong callsSaved = new AtomicLong();
    private final AtomicLong tokensSaved = new AtomicLong();

    public HealthRoutes(Skyvern skyvern, HttpMetrics metrics, boolean production) {
        this.skyvern = skyvern;
        this.metrics = metrics;
        this.production = production;
        Gauge.builder("skyvern_queue_depth", queueDepth, AtomicLong::get)
                .description("Runs waiting for a worker").register(metrics.registry());
        STATUSES.forEach(this::gauge);
        Gauge.builder("skyvern_steps_by_mode", replayedSteps, AtomicLong::get).tag("mode", "replayed")
                .description("Task steps run from a script (replayed) or healed by the model").register(metrics.registry());
        Gauge.builder("skyvern_steps_by_mode", healedSteps, AtomicLong::get).tag("mode", "healed")
                .description("Task steps run from a script (replayed) or healed by the model").register(metrics.registry());
        Gauge.builder("skyvern_replay_model_calls_saved", callsSaved, AtomicLong::get)
                .description("Model calls the recordings spent on the steps replays ran without the model")
                .register(metrics.registry());
        Gauge.builder("skyvern_replay_tokens_saved", tokensSaved, AtomicLong::get)
                .description("Tokens (input + output) the recordings spent on the steps replays ran without the model")
                .register(metrics.registry());
    }

    private AtomicLong gauge(String status) {
        return runs.computeIfAbsent(status, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("skyvern_runs", value, AtomicLong::get).tag("status", s)
                    .description("Tasks and workflow runs by status").register(metrics.registry());
            return value;
        });
    }

    @Override
    public void register(ApiRoutes api) {
        api.get("/health", Operation.of("ops", "Health (database and browser)").errors(503).open(), this::health);
        api.get("/metrics", Operation.of("ops", "Prometheus metrics (text): HTTP, queue depth, runs by status")
                .open(), this::metrics);
    }

    private void health(Context ctx) {
        boolean database = skyvern.databaseHealthy();
        boolean browser = skyvern.browserHealthy();
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("database", database ? "ok" : "down");
        checks.put("browser", browser ? "ok" : "unavailable");
        if (!database) {
            ErrorResponder.write(ctx, 503, ErrorCode.SERVICE_UNAVAILABLE.code(), "Database unavailable",
                    Map.of("checks", checks));
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", browser ? "healthy" : "degraded");
        data.put("checks", checks);
        ApiResponses.ok(ctx, data);
    }

    private void metrics(Context ctx) {
        if (production) {
            requireBootstrapKey(ctx);
        }
        try {
            queueDepth.set(skyvern.queueDepth());
            Map<String, Long> counts = skyvern.runCountsByStatus();
            STATUSES.forEach(s -> gauge(s).set(0));
            counts.forEach((status, n) -> gauge(status).set(n));
            io.skyvern.script.ReplaySavings saved = skyvern.scripts().totalSavings();
            replayedSteps.set(saved.replayedSteps());
            healedSteps.set(saved.healedSteps());
            callsSaved.set(saved.modelCallsSaved());
            tokensSaved.set(saved.tokensSaved());
        } catch (RuntimeException e) {
            // Metrics stay scrapeable while the database is down; the gauges keep their last values.
        }
        metrics.scrape(ctx);
    }

    private void requireBootstrapKey(Context ctx) {
        String key = RequestAttributes.presentedApiKey(ctx);
        if (key == null) {
            throw new SkyvernException(ErrorCode.UNAUTHORIZED, "API key required");
        }
        Organization organization = skyvern.organizations().authenticate(key)
                .orElseThrow(() -> new SkyvernException(ErrorCode.UNAUTHORIZED, "Invalid API key"));
        if (!organization.bootstrap()) {
            throw new SkyvernException(ErrorCode.FORBIDDEN, "Metrics are for the bootstrap organisation's keys");
        }
    }
}
