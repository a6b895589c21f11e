package io.skyvern.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads whatever a handler left unread of the request body before the response goes out.
 *
 * <p>Why: a request refused before its body was read (405, 401, 429, 404, 413…) leaves the body in
 * the socket. Jetty then closes the connection, and a TCP close with unread input sends a reset
 * that can destroy the response already on its way: the client sees no answer at all, not even the
 * 413 that would tell it why. Draining keeps the answer (and, below the limit, the connection).
 *
 * <p>Bodies over the limit are drained too, but only up to {@link #LINGER_FACTOR} times the limit,
 * like a web server's lingering close: a client that sends a little too much learns it got 413; one
 * that declares far more is cut off at once rather than allowed to hold a thread while it uploads.
 */
public final class UnreadBodyDrain implements Handler {
    /** How far past the body limit we keep reading so an oversized request still receives its 413. */
    static final long LINGER_FACTOR = 4;

    private final long drainCap;

    public UnreadBodyDrain(long limit) {
        this.drainCap = Math.multiplyExact(Math.max(1, limit), LINGER_FACTOR);
    }

    @Override
    public void handle(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(ctx.header("Transfer-Encoding"));
        if (declared == 0 || (declared < 0 && !chunked) || declared > drainCap) {
            return;
        }
        byte[] buffer = new byte[16384];
        long total = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            int n;
            while (total <= drainCap && (n = in.read(buffer)) >= 0) {
                total += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The body was already consumed another way (reader, cached body) or the client went
            // away: nothing left for us to protect.
        }
    }
}
