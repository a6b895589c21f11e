package io.skyvern.server.middleware;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.skyvern.server.http.RequestAttributes;

/** Notes when a request started ({@link #start}) and reports X-Process-Time in seconds ({@link #finish}). */
public final class ProcessTimeHandler {
    private ProcessTimeHandler() {
    }

    public static Handler start() {
        return ctx -> ctx.attribute(RequestAttributes.START_NANOS, System.nanoTime());
    }

    public static Handler finish() {
        return ctx -> ctx.header("X-Process-Time", String.valueOf(elapsedNanos(ctx) / 1_000_000_000.0));
    }

    public static long elapsedNanos(Context ctx) {
        Long start = ctx.attribute(RequestAttributes.START_NANOS);
        return start == null ? 0 : System.nanoTime() - start;
    }
}
