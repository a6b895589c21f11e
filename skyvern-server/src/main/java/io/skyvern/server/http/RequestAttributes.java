package io.skyvern.server.http;

import io.javalin.http.Context;
import io.skyvern.auth.Organization;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

/** Names and typed accessors of the per-request values the middleware leaves on the context. */
public final class RequestAttributes {
    public static final String REQUEST_ID = "skyvern.requestId";
    public static final String START_NANOS = "skyvern.startNanos";
    public static final String ORGANIZATION = "skyvern.organization";
    public static final String API_KEY_HASH = "skyvern.apiKeyHash";
    public static final String ANSWERED = "skyvern.answered";

    private RequestAttributes() {
    }

    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "" : id;
    }

    /** Notes that a middleware handler wrote the whole answer (and skipped the remaining handlers). */
    public static void markAnswered(Context ctx) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
    }

    public static boolean isAnswered(Context ctx) {
        return ctx.attribute(ANSWERED) != null;
    }

    /** The authenticated organisation; the auth middleware guarantees one on /api routes. */
    public static Organization organization(Context ctx) {
        Organization organization = ctx.attribute(ORGANIZATION);
        if (organization == null) {
            throw new SkyvernException(ErrorCode.UNAUTHORIZED, "API key required");
        }
        return organization;
    }

    public static String organizationId(Context ctx) {
        return organization(ctx).organizationId();
    }

    /** The presented API key from {@code x-api-key} or {@code Authorization: Bearer}, or null. */
    public static String presentedApiKey(Context ctx) {
        String key = ctx.header("x-api-key");
        if (key != null && !key.isBlank()) {
            return key.trim();
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
