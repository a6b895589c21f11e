package io.skyvern.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.List;
import java.util.Map;

/**
 * Refuses path and query parameters holding a NUL character (422): PostgreSQL rejects NUL in text,
 * so such a value would otherwise fail in the database as a 500.
 */
public final class NulGuard implements Handler {
    @Override
    public void handle(Context ctx) {
        for (Map.Entry<String, String> e : ctx.pathParamMap().entrySet()) {
            if (e.getValue().indexOf('\u0000') >= 0) {
                throw RequestValidationException.of(e.getKey(), "NUL characters are not allowed");
            }
        }
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().indexOf('\u0000') >= 0 || e.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
                throw RequestValidationException.of(e.getKey(), "NUL characters are not allowed");
            }
        }
    }
}
