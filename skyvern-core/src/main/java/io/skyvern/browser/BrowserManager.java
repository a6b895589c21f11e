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

    /** Closes every open session and the browser process(es). Idempotent. */
    @Override
    void close();
}
