package io.skyvern.browser.playwright;

import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.SessionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser ITs that share one Chromium (two lanes) per class against the fixture site,
 * with a fresh session per test. JUnit starts the site (superclass) first and closes it last.
 */
abstract class FixtureSiteBrowserTest extends FixtureSiteTest {
    static PlaywrightBrowserManager manager;
    BrowserSession session;

    @BeforeAll
    static void startBrowser() {
        manager = new PlaywrightBrowserManager(TestBrowsers.config(), 2);
    }

    @AfterAll
    static void stopBrowser() {
        if (manager != null) {
            manager.close();
        }
    }

    @BeforeEach
    void openSession() {
        session = manager.openSession(SessionOptions.fresh());
    }

    @AfterEach
    void closeSession() {
        session.close();
    }
}
