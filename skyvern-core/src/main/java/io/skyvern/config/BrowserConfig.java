package io.skyvern.config;

/** How to get a browser: an executable, a CDP URL, or Playwright's own; and how to show pages. */
public record BrowserConfig(String executable, String cdpUrl, boolean headless,
                            int viewportWidth, int viewportHeight, boolean trace) {
    public BrowserConfig {
        executable = executable == null ? "" : executable;
        cdpUrl = cdpUrl == null ? "" : cdpUrl;
    }
}
