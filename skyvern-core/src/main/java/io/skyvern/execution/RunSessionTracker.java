package io.skyvern.execution;

import io.skyvern.browser.BrowserManager;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.BrowserUsage;
import io.skyvern.browser.SessionOptions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A browser manager that tells the {@link RunRegistry} about each session it opens, so the session
 * a workflow run's engine opens for its blocks is the run's live view. Everything else is the
 * wrapped manager's. Thread-safe as the wrapped manager is.
 */
final class RunSessionTracker implements BrowserManager {
    private final BrowserManager browsers;
    private final Consumer<BrowserSession> opened;

    RunSessionTracker(BrowserManager browsers, Consumer<BrowserSession> opened) {
        this.browsers = Objects.requireNonNull(browsers, "browsers");
        this.opened = Objects.requireNonNull(opened, "opened");
    }

    @Override
    public BrowserSession openSession(SessionOptions options) {
        BrowserSession session = browsers.openSession(options);
        opened.accept(session);
        return session;
    }

    @Override
    public boolean isHealthy() {
        return browsers.isHealthy();
    }

    @Override
    public BrowserUsage usage() {
        return browsers.usage();
    }

    @Override
    public void close() {
        browsers.close();
    }
}
