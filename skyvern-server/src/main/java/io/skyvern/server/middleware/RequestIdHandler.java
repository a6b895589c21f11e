package io.skyvern.server.middleware;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.skyvern.server.http.RequestAttributes;

import java.util.UUID;
import java.util.regex.Pattern;

/** Keeps a well-formed client X-Request-ID (for tracing across services), else makes a UUID. */
public final class RequestIdHandler implements Handler {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    @Override
    public void handle(Context ctx) {
        String sent = ctx.header("X-Request-ID");
        String id = sent != null && VALID.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        ctx.attribute(RequestAttributes.REQUEST_ID, id);
        ctx.header("X-Request-ID", id);
    }
}
