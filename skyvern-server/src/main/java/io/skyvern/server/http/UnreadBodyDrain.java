package io.skyvern.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads whatever a handler left unread of the request body before the response goes out.
 *
 * <p>Why: a request refused before its body was read (405, 401, 429, 404…) leaves the body in the
 * socket. Jetty then closes the connection, and a TCP close with unread input sends a reset that
 * can destroy the response already on its way: the client sees no answer at all. Draining keeps
 * the answer and the connection. Bodies larger than {@code limit} are not drained; Jetty closes
 * those connections as before (their clients already get 413 from the body size check).
 */
public final class UnreadBodyDrain implements Handler {
    private final long limit;

    public UnreadBodyDrain(long limit) {
        this.limit = limit;
    }

    @Override
    public void handle(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(ctx.header("Transfer-Encoding"));
        if (declared == 0 || (declared < 0 && !chunked) || declared > limit) {
            return;
        }
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            int n;
            while (total <= limit && (n = in.read(buffer)) >= 0) {
                total += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The body was already consumed another way (reader, cached body) or the client went
            // away: nothing left for us to protect.
        }
    }
}
