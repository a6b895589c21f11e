package io.skyvern.config;

/**
 * How to get a browser: an executable, a CDP URL, or Playwright's own; and how to show pages.
 *
 * @param settleMs how long a snapshot may wait at most for the page to settle (DOM quiet, network
 *                 idle); 0 turns settling off
 * @param pageTokens the token budget of one page in the prompt ({@code SKYVERN_PROMPT_PAGE_TOKENS}, o200k):
 *                   a larger page keeps what is on and near the screen and summarises the rest; 0 = no budget
 */
public record BrowserConfig(String executable, String cdpUrl, boolean headless,
                            int viewportWidth, int viewportHeight, boolean trace, long settleMs, int pageTokens) {
    public static final long DEFAULT_SETTLE_MS = 3_000;
    public static final int DEFAULT_PAGE_TOKENS = 12_000;

    public BrowserConfig {
        executable = executable == null ? "" : executable;
        cdpUrl = cdpUrl == null ? "" : cdpUrl;
        if (settleMs < 0 || settleMs > 60_000) {
            throw new IllegalArgumentException("settleMs must be 0..60000, was " + settleMs);
        }
        if (pageTokens != 0 && (pageTokens < 500 || pageTokens > 1_000_000)) {
            throw new IllegalArgumentException("pageTokens must be 0 or 500..1000000, was " + pageTokens);
        }
    }

    public BrowserConfig(String executable, String cdpUrl, boolean headless, int viewportWidth, int viewportHeight,
                         boolean trace, long settleMs) {
        this(executable, cdpUrl, headless, viewportWidth, viewportHeight, trace, settleMs, DEFAULT_PAGE_TOKENS);
    }

    public BrowserConfig(String executable, String cdpUrl, boolean headless, int viewportWidth, int viewportHeight,
                         boolean trace) {
        this(executable, cdpUrl, headless, viewportWidth, viewportHeight, trace, DEFAULT_SETTLE_MS);
    }
}
