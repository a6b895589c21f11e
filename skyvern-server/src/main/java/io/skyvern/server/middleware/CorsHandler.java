package io.skyvern.server.middleware;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.server.http.RequestAttributes;

import java.util.List;
import java.util.Objects;

/**
 * CORS: in development any origin is allowed; in production only the configured ones. Answers
 * preflight requests itself (204) and exposes X-Request-ID and X-Rate-Limit-Remaining.
 */
public final class CorsHandler implements Handler {
    static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE, PATCH, OPTIONS";
    static final String EXPOSED_HEADERS = "X-Request-ID, X-Rate-Limit-Remaining, X-Process-Time, Retry-After";
    private final List<String> allowedOrigins;
    private final boolean anyOrigin;

    public CorsHandler(List<String> allowedOrigins, boolean production) {
        this.allowedOrigins = List.copyOf(Objects.requireNonNull(allowedOrigins));
        this.anyOrigin = !production || this.allowedOrigins.contains("*");
    }

    @Override
    public void handle(Context ctx) {
        String origin = ctx.header("Origin");
        boolean preflight = "OPTIONS".equalsIgnoreCase(ctx.req().getMethod())
                && ctx.header("Access-Control-Request-Method") != null;
        if (origin == null) {
            return;
        }
        if (!isAllowed(origin)) {
            if (preflight) {
                throw new SkyvernException(ErrorCode.FORBIDDEN, "Origin " + origin + " is not allowed");
            }
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Allow-Credentials", "true");
        ctx.header("Vary", "Origin");
        ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        if (preflight) {
            String requested = ctx.header("Access-Control-Request-Headers");
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", requested == null || requested.isBlank() ? "*" : requested);
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204);
            RequestAttributes.markAnswered(ctx);
            ctx.skipRemainingHandlers();
        }
    }

    public boolean isAllowed(String origin) {
        return anyOrigin || allowedOrigins.contains(origin);
    }
}
