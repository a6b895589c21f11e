package io.skyvern.server.ops;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.skyvern.server.middleware.ProcessTimeHandler;

import java.util.concurrent.TimeUnit;

/**
 * Counts and times every request by method, route template (never the raw path, to keep
 * cardinality bounded) and status, and renders the registry as Prometheus text.
 */
public final class HttpMetrics implements Handler {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void handle(Context ctx) {
        Timer.builder("http_server_requests")
                .description("HTTP requests by route template and status")
                .tag("method", ctx.req().getMethod())
                .tag("route", routeTemplate(ctx))
                .tag("status", String.valueOf(ctx.statusCode()))
                .register(registry)
                .record(ProcessTimeHandler.elapsedNanos(ctx), TimeUnit.NANOSECONDS);
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
