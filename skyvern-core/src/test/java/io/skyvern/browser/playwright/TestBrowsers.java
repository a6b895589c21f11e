package io.skyvern.browser.playwright;

import io.skyvern.config.BrowserConfig;
import io.skyvern.testing.TestDatabases;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Browser settings for integration tests: the system Chromium, headless. */
final class TestBrowsers {
    static final String CHROMIUM = "/usr/bin/chromium";

    private TestBrowsers() {
    }

    static BrowserConfig config() {
        String exe = Files.isExecutable(Path.of(CHROMIUM)) ? CHROMIUM : "";
        return new BrowserConfig(exe, "", true, 1280, 800, false);
    }

    /**
     * Browser tests touch no database; Failsafe's PostgreSQL pass would only repeat them, so they
     * run in the H2 pass alone.
     */
    static void onlyOncePerBuild() {
        Assumptions.assumeFalse("postgres".equals(TestDatabases.backend()), "browser ITs run in the H2 pass");
    }
}
