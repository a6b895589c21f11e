package io.skyvern.execution;

import io.skyvern.browser.BrowserManager;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.BrowserUsage;
import io.skyvern.browser.SessionOptions;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A browser manager that creates the real one on the first {@link #openSession}: a node that never
 * runs anything (API only, workers = 0) never starts Chromium. Thread-safe.
 */
public final class LazyBrowserManager implements BrowserManager {
    private final Supplier<BrowserManager> factory;
    private final BooleanSupplier healthyBeforeLaunch;
    private BrowserManager delegate;
    private boolean closed;

    /**
     * @param healthyBeforeLaunch what {@link #isHealthy} answers before the first session (e.g. the
     *                            configured executable exists); it must not launch anything
     */
    public LazyBrowserManager(Supplier<BrowserManager> factory, BooleanSupplier healthyBeforeLaunch) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.healthyBeforeLaunch = Objects.requireNonNull(healthyBeforeLaunch, "healthyBeforeLaunch");
    }

    private synchronized BrowserManager delegate() {
        if (closed) {
            throw new SkyvernException(ErrorCode.BROWSER_UNAVAILABLE, "The browser manager is closed");
        }
        if (delegate == null) {
            delegate = factory.get();
        }
        return delegate;
    }

    @Override
    public BrowserSession openSession(SessionOptions options) {
        return delegate().openSession(options);
    }

    /** Whether a browser was started already. */
    public synchronized boolean launched() {
        return delegate != null;
    }

    @Override
    public boolean isHealthy() {
        BrowserManager current;
        synchronized (this) {
            if (closed) {
                return false;
            }
            current = delegate;
        }
        return current == null ? healthyBeforeLaunch.getAsBoolean() : current.isHealthy();
    }

    /** {@link BrowserUsage#NONE} until the first session launched the real manager. */
    @Override
    public BrowserUsage usage() {
        BrowserManager current;
        synchronized (this) {
            current = closed ? null : delegate;
        }
        return current == null ? BrowserUsage.NONE : current.usage();
    }

    @Override
    public void close() {
        BrowserManager current;
        synchronized (this) {
            closed = true;
            current = delegate;
        }
        if (current != null) {
            current.close();
        }
    }
}
