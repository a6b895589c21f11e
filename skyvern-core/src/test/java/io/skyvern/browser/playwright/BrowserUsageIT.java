package io.skyvern.browser.playwright;

import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.BrowserUsage;
import io.skyvern.browser.SessionOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PlaywrightBrowserManager#usage()}: what is open, as the browser driver sees it. */
class BrowserUsageIT extends FixtureSiteTest {

    @Test
    void a_manager_without_sessions_reports_nothing_and_launches_no_browser() {
        try (PlaywrightBrowserManager manager = new PlaywrightBrowserManager(TestBrowsers.config(), 2)) {
            assertThat(manager.usage()).isEqualTo(BrowserUsage.NONE);
            assertThat(manager.usage().connectedBrowsers()).isZero();
        }
    }

    @Test
    void open_sessions_are_counted_across_lanes_and_closing_them_leaves_no_context() {
        try (PlaywrightBrowserManager manager = new PlaywrightBrowserManager(TestBrowsers.config(), 2)) {
            List<BrowserSession> sessions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                BrowserSession s = manager.openSession(SessionOptions.fresh());
                s.navigate(site.url("/products"));
                sessions.add(s);
            }

            assertThat(manager.usage()).isEqualTo(new BrowserUsage(3, 3, 2));

            sessions.forEach(BrowserSession::close);

            assertThat(manager.usage()).isEqualTo(new BrowserUsage(0, 0, 2));
        }
    }

    @Test
    void a_closed_manager_reports_nothing() {
        PlaywrightBrowserManager manager = new PlaywrightBrowserManager(TestBrowsers.config(), 1);
        manager.openSession(SessionOptions.fresh());

        manager.close();

        assertThat(manager.usage()).isEqualTo(BrowserUsage.NONE);
    }
}
