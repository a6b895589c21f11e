package io.skyvern.browser;

/**
 * What a {@link BrowserManager} holds open right now; a finished run leaves nothing behind, so
 * with no run in flight both counts are zero. Read by soak benchmarks and operators to spot leaks.
 *
 * @param openSessions      sessions handed out and not closed yet (the manager's own bookkeeping)
 * @param openContexts      browser contexts the browser driver reports as open (what really holds
 *                          pages and memory in Chromium); a session not closed, or a close that did
 *                          not reach the browser, shows here
 * @param connectedBrowsers browser processes (or remote browsers) currently connected
 */
public record BrowserUsage(int openSessions, int openContexts, int connectedBrowsers) {
    /** Nothing open, no browser: a manager that never launched one. */
    public static final BrowserUsage NONE = new BrowserUsage(0, 0, 0);

    public BrowserUsage {
        if (openSessions < 0 || openContexts < 0 || connectedBrowsers < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }
}
