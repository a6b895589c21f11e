package io.skyvern.server.ops;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.skyvern.server.middleware.ProcessTimeHandler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts and times every request by method, route template (never the raw path, to keep
 * cardinality bounded) and status, and renders the registry as Prometheus text.
 */
public final class HttpMetrics implements Handler {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Looking a timer up by its key is much cheaper than building and registering its id on every
    // request. Bounded like the registry itself: methods x route templates x statuses.
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String method, String route, int status) {
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void handle(Context ctx) {
        long nanos = ProcessTimeHandler.elapsedNanos(ctx);
        TimerKey key = new TimerKey(ctx.req().getMethod(), routeTemplate(ctx), ctx.statusCode());
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, this::register);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer register(TimerKey key) {
        return Timer.builder("http_server_requests")
                .description("HTTP requests by route template and status")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", String.valueOf(key.status()))
                .register(registry);
    }

    public void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    static String routeTemplate(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
