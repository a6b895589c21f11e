package io.skyvern.browser.playwright;

import io.skyvern.testing.FixtureSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the browser ITs against the fixture site: they run once per build (see
 * {@link TestBrowsers#onlyOncePerBuild()}) with one site per class. Classes that need one shared
 * browser and a session per test extend {@link FixtureSiteBrowserTest}; the others make their own
 * managers.
 */
abstract class FixtureSiteTest {
    static FixtureSite site;

    @BeforeAll
    static void startSite() {
        TestBrowsers.onlyOncePerBuild();
        site = FixtureSite.start();
    }

    @AfterAll
    static void stopSite() {
        if (site != null) {
            site.close();
        }
    }
}
