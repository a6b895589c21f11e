package io.skyvern.server.middleware;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.skyvern.server.http.RequestAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status, milliseconds, request id and the API key's hash
 * (never the key). Fields are also attached as key-value pairs for the JSON log format.
 */
public final class RequestLogHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger("io.skyvern.server.access");

    @Override
    public void handle(Context ctx) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String millis = millisOneDecimal(ProcessTimeHandler.elapsedNanos(ctx));
        String keyHash = ApiKeyHash.of(ctx);
        String method = ctx.req().getMethod();
        String path = ctx.path();
        int status = ctx.statusCode();
        String requestId = RequestAttributes.requestId(ctx);
        LOG.atInfo()
                .addKeyValue("method", method).addKeyValue("path", path).addKeyValue("status", status)
                .addKeyValue("ms", millis).addKeyValue("request_id", requestId).addKeyValue("api_key_hash", keyHash)
                .log("{} {} {} {}ms request_id={} api_key={}", method, path, status, millis, requestId, keyHash);
    }

    /**
     * Milliseconds with one decimal, rounded half up: what {@code String.format("%.1f")} printed, without
     * the formatter's per-call locale lookups (a visible share of a small request's CPU).
     */
    static String millisOneDecimal(long nanos) {
        long tenths = (Math.max(0, nanos) + 50_000) / 100_000;
        return (tenths / 10) + "." + (tenths % 10);
    }
}
