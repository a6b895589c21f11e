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
        return ctx -> ctx.header("X-Process-Time", seconds(elapsedNanos(ctx)));
    }

    public static long elapsedNanos(Context ctx) {
        Long start = ctx.attribute(RequestAttributes.START_NANOS);
        return start == null ? 0 : System.nanoTime() - start;
    }

    /** Seconds with microsecond precision in plain notation ({@code 0.000042}, never {@code 4.2E-5}). */
    static String seconds(long nanos) {
        return java.math.BigDecimal.valueOf(Math.max(0, nanos), 9)
                .setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
