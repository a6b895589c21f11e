package io.skyvern.server.mcp;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets a servlet that answers asynchronously (the MCP SDK's streamable transport: server-sent
 * events written after {@code startAsync()}) run inside a Javalin handler.
 *
 * <p>Why: Javalin completes a request's real {@link AsyncContext} when its handlers are done, which
 * would cut the stream the servlet is still writing. So the servlet gets a request whose
 * {@code startAsync()} returns this bridge instead, and the handler hands {@link #done()} to
 * {@code ctx.future}: Javalin keeps the response open until the servlet calls {@link #complete()},
 * then runs the after-handlers (log, metrics) as for any request. If Javalin ends the request first
 * (the client went away, a timeout), the servlet's listeners hear {@code onComplete} and close the
 * stream. The body the servlet reads is the one Javalin read within the configured maximum size.
 */
final class ServletAsyncBridge implements AsyncContext {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final List<AsyncListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean started;

    ServletAsyncBridge(HttpServletRequest request, HttpServletResponse response, byte[] body) {
        this.response = response;
        this.request = new HttpServletRequestWrapper(request) {
            @Override
            public AsyncContext startAsync() {
                started = true;
                return ServletAsyncBridge.this;
            }

            @Override
            public AsyncContext startAsync(ServletRequest req, ServletResponse res) {
                return startAsync();
            }

            @Override
            public boolean isAsyncStarted() {
                return started && !done.isDone();
            }

            @Override
            public AsyncContext getAsyncContext() {
                return ServletAsyncBridge.this;
            }

            @Override
            public BufferedReader getReader() {
                return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
            }
        };
        done.whenComplete((ok, failure) -> {
            if (failure != null) {  // Javalin gave up on the request (cancelled): let the servlet close its stream
                AsyncEvent event = new AsyncEvent(this, failure);
                for (AsyncListener listener : listeners) {
                    try {
                        listener.onComplete(event);
                    } catch (IOException | RuntimeException e) {
                        // the stream is gone either way
                    }
                }
            }
        });
    }

    /** The request to hand to the servlet. */
    HttpServletRequest request() {
        return request;
    }

    /** True once the servlet went asynchronous: the handler must then wait for {@link #done()}. */
    boolean started() {
        return started;
    }

    /** Completes when the servlet completes its response. */
    CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public ServletRequest getRequest() {
        return request;
    }

    @Override
    public ServletResponse getResponse() {
        return response;
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return true;
    }

    @Override
    public void dispatch() {
        throw new UnsupportedOperationException("dispatch is not supported inside a Javalin handler");
    }

    @Override
    public void dispatch(String path) {
        dispatch();
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        dispatch();
    }

    @Override
    public void complete() {
        done.complete(null);
    }

    @Override
    public void start(Runnable run) {
        Thread thread = new Thread(run, "mcp-async");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void addListener(AsyncListener listener) {
        listeners.add(listener);
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest req, ServletResponse res) {
        listeners.add(listener);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> type) {
        throw new UnsupportedOperationException("createListener");
    }

    @Override
    public void setTimeout(long timeout) {
        // Javalin's async timeout (config.http.asyncTimeout) governs the request
    }

    @Override
    public long getTimeout() {
        return 0;
    }
}
