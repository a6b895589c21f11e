package io.skyvern.browser.playwright;

import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.SessionOptions;
import io.skyvern.testing.FixtureSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser ITs against the fixture site: one site and one Chromium (two lanes) per
 * class, a fresh session per test.
 */
abstract class FixtureSiteBrowserTest {
    static FixtureSite site;
    static PlaywrightBrowserManager manager;
    BrowserSession session;

    @BeforeAll
    static void startSiteAndBrowser() {
        TestBrowsers.onlyOncePerBuild();
        site = FixtureSite.start();
        manager = new PlaywrightBrowserManager(TestBrowsers.config(), 2);
    }

    @AfterAll
    static void stopSiteAndBrowser() {
        if (manager != null) {
            manager.close();
        }
        if (site != null) {
            site.close();
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
