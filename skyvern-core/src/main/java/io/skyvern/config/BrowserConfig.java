package io.skyvern.config;

/**
 * How to get a browser: an executable, a CDP URL, or Playwright's own; and how to show pages.
 *
 * @param settleMs how long a snapshot may wait at most for the page to settle (DOM quiet, network
 *                 idle); 0 turns settling off
 */
public record BrowserConfig(String executable, String cdpUrl, boolean headless,
                            int viewportWidth, int viewportHeight, boolean trace, long settleMs) {
    public static final long DEFAULT_SETTLE_MS = 3_000;

    public BrowserConfig {
        executable = executable == null ? "" : executable;
        cdpUrl = cdpUrl == null ? "" : cdpUrl;
        if (settleMs < 0 || settleMs > 60_000) {
            throw new IllegalArgumentException("settleMs must be 0..60000, was " + settleMs);
        }
    }

    public BrowserConfig(String executable, String cdpUrl, boolean headless, int viewportWidth, int viewportHeight,
                         boolean trace) {
        this(executable, cdpUrl, headless, viewportWidth, viewportHeight, trace, DEFAULT_SETTLE_MS);
    }
}
