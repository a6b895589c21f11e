package io.skyvern.browser;

/**
 * Gives out browser sessions. One manager per process; it owns the browser process(es) and closes
 * them on {@link #close()}. Implementations are thread-safe: sessions may be opened and used
 * from many threads at once.
 */
public interface BrowserManager extends AutoCloseable {

    /**
     * Opens a session: a fresh isolated context (no cookies or storage shared with any other
     * session), or, when {@link SessionOptions#persistentDir()} is set, one whose cookies and
     * local storage are loaded from and saved back to that directory.
     *
     * @throws io.skyvern.common.SkyvernException with {@code BROWSER_UNAVAILABLE} when no browser
     *         can be started or reached
     */
    BrowserSession openSession(SessionOptions options);

    /** Whether a browser can be provided right now (cheap; does not launch one). */
    boolean isHealthy();

    /**
     * Sessions, contexts and browsers open now; never launches a browser. It may wait behind
     * browser calls in flight, so call it now and then (a metrics scrape, a soak's sample), not per
     * request. Managers that do not track usage report {@link BrowserUsage#NONE}.
     */
    default BrowserUsage usage() {
        return BrowserUsage.NONE;
    }

    /** Closes every open session and the browser process(es). Idempotent. */
    @Override
    void close();
}
