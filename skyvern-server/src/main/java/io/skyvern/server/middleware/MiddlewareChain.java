package io.skyvern.server.middleware;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.skyvern.server.http.RequestAttributes;

import java.util.List;

/**
 * Several middleware handlers registered with Javalin as one, in order.
 *
 * <p>Why: Javalin wraps every before/after handler it runs in a task, matches its path and copies
 * its endpoint for each request; with ten middleware handlers that was a few percent of the CPU of
 * a small request. The handlers stay separate classes; only their registration is grouped.
 *
 * <p>A {@link #before} chain behaves like consecutive Javalin before handlers: an exception ends it
 * (Javalin then skips the remaining handlers too), and so does a handler that answered the request
 * itself ({@link RequestAttributes#markAnswered}). An {@link #after} chain behaves like consecutive
 * after handlers: every handler runs even if an earlier one threw; the first exception is rethrown
 * once all have run.
 */
public final class MiddlewareChain implements Handler {
    private final List<Handler> handlers;
    private final boolean runAll;

    private MiddlewareChain(List<Handler> handlers, boolean runAll) {
        this.handlers = List.copyOf(handlers);
        this.runAll = runAll;
    }

    public static MiddlewareChain before(Handler... handlers) {
        return new MiddlewareChain(List.of(handlers), false);
    }

    public static MiddlewareChain after(Handler... handlers) {
        return new MiddlewareChain(List.of(handlers), true);
    }

    @Override
    public void handle(Context ctx) throws Exception {
        if (!runAll) {
            for (Handler handler : handlers) {
                handler.handle(ctx);
                if (RequestAttributes.isAnswered(ctx)) {
                    return;
                }
            }
            return;
        }
        Exception first = null;
        for (Handler handler : handlers) {
            try {
                handler.handle(ctx);
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
