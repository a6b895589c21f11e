package io.skyvern.server.middleware;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.skyvern.server.http.RequestAttributes;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Keeps a well-formed client X-Request-ID (for tracing across services), else makes a random UUID. */
public final class RequestIdHandler implements Handler {
    private static final int MAX_LENGTH = 128;

    @Override
    public void handle(Context ctx) {
        String sent = ctx.header("X-Request-ID");
        String id = sent != null && isWellFormed(sent) ? sent : newId();
        ctx.attribute(RequestAttributes.REQUEST_ID, id);
        ctx.header("X-Request-ID", id);
    }

    /** 1 to 128 of {@code [A-Za-z0-9._-]} (a loop, not a regex: this runs on every request). */
    static boolean isWellFormed(String id) {
        int length = id.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A version-4 UUID from {@link ThreadLocalRandom}. A request id only has to be unique enough to
     * trace a request, not unguessable, and {@link UUID#randomUUID()} goes through the shared
     * SecureRandom (a lock and a SHA-1 per call) on every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(msb, lsb).toString();
    }
}
