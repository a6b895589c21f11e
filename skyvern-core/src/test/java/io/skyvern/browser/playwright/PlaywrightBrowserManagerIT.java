package io.skyvern.browser.playwright;

import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.SessionOptions;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.BrowserConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaywrightBrowserManagerIT extends FixtureSiteTest {

    @Test
    void two_sessions_do_not_share_cookies() {
        try (PlaywrightBrowserManager manager = new PlaywrightBrowserManager(TestBrowsers.config(), 1);
             BrowserSession a = manager.openSession(SessionOptions.fresh());
             BrowserSession b = manager.openSession(SessionOptions.fresh())) {
            BrowserActionsIT.logIn(a, site);
            assertThat(a.snapshot().text()).contains("Welcome, alice");

            b.navigate(site.url("/account"));

            assertThat(b.snapshot().text()).contains("Please log in first").doesNotContain("Welcome");
        }
    }

    @Test
    void sessions_used_from_many_threads_at_once_all_work() throws Exception {
        try (PlaywrightBrowserManager manager = new PlaywrightBrowserManager(TestBrowsers.config(), 2)) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    results.add(pool.submit(() -> {
                        try (BrowserSession s = manager.openSession(SessionOptions.fresh())) {
                            BrowserActionsIT.logIn(s, site);
                            return s.snapshot().text();
                        }
                    }));
                }
                for (var r : results) {
                    assertThat(r.get(60, java.util.concurrent.TimeUnit.SECONDS)).contains("Welcome, alice");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void persistent_session_keeps_the_login_cookie_across_close_and_reopen(@TempDir Path dir) {
        Path profile = dir.resolve("profile");
        try (PlaywrightBrowserManager manager = new PlaywrightBrowserManager(TestBrowsers.config(), 1)) {
            try (BrowserSession first = manager.openSession(SessionOptions.persistent(profile))) {
                BrowserActionsIT.logIn(first, site);
                assertThatThrownBy(() -> manager.openSession(SessionOptions.persistent(profile)))
                        .isInstanceOf(SkyvernException.class)
                        .extracting(e -> ((SkyvernException) e).errorCode()).isEqualTo(ErrorCode.BROWSER_SESSION_BUSY);
            }
            assertThat(profile.resolve(PlaywrightBrowserManager.STORAGE_FILE)).exists();
            try (BrowserSession again = manager.openSession(SessionOptions.persistent(profile));
                 BrowserSession fresh = manager.openSession(SessionOptions.fresh())) {
                again.navigate(site.url("/account"));
                fresh.navigate(site.url("/account"));
                assertThat(again.snapshot().text()).contains("Welcome, alice");
                assertThat(fresh.snapshot().text()).doesNotContain("Welcome");
            }
        }
    }

    @Test
    void a_dead_browser_is_relaunched_on_next_open() {
        try (PlaywrightBrowserManager manager = new PlaywrightBrowserManager(TestBrowsers.config(), 1)) {
            BrowserSession before = manager.openSession(SessionOptions.fresh());
            before.navigate(site.url("/login"));

            manager.killBrowsers();

            assertThat(before.closed()).isTrue();
            try (BrowserSession after = manager.openSession(SessionOptions.fresh())) {
                after.navigate(site.url("/login"));
                assertThat(after.title()).isEqualTo("Log in");
                assertThat(after.closed()).isFalse();
            }
            before.close();
            assertThat(manager.isHealthy()).isTrue();
        }
    }

    @Test
    void trace_is_written_when_tracing_is_on(@TempDir Path dir) {
        BrowserConfig c = TestBrowsers.config();
        BrowserConfig tracing = new BrowserConfig(c.executable(), "", true, 800, 600, true);
        Path trace = dir.resolve("trace.zip");
        try (PlaywrightBrowserManager manager = new PlaywrightBrowserManager(tracing, 1)) {
            try (BrowserSession s = manager.openSession(SessionOptions.fresh().withTrace(trace))) {
                s.navigate(site.url("/products"));
            }
        }
        assertThat(trace).exists();
        assertThat(trace.toFile().length()).isGreaterThan(100);
    }

    @Test
    void missing_executable_is_browser_unavailable_naming_the_three_ways(@TempDir Path dir) throws Exception {
        Path notExecutable = Files.writeString(dir.resolve("chrome"), "not a browser");
        BrowserConfig bad = new BrowserConfig(notExecutable.toString(), "", true, 800, 600, false);
        try (PlaywrightBrowserManager manager = new PlaywrightBrowserManager(bad, 1)) {
            assertThat(manager.isHealthy()).isFalse();
            assertThatThrownBy(() -> manager.openSession(SessionOptions.fresh()))
                    .isInstanceOf(SkyvernException.class)
                    .hasMessageContaining("SKYVERN_BROWSER_EXECUTABLE")
                    .hasMessageContaining("on the PATH")
                    .hasMessageContaining("SKYVERN_BROWSER_CDP_URL")
                    .extracting(e -> ((SkyvernException) e).errorCode()).isEqualTo(ErrorCode.BROWSER_UNAVAILABLE);
        }
    }

    @Test
    void unreachable_cdp_url_is_browser_unavailable() {
        BrowserConfig cdp = new BrowserConfig("", "http://127.0.0.1:1", true, 800, 600, false);
        try (PlaywrightBrowserManager manager = new PlaywrightBrowserManager(cdp, 1)) {
            assertThatThrownBy(() -> manager.openSession(SessionOptions.fresh()))
                    .isInstanceOf(SkyvernException.class)
                    .hasMessageContaining("127.0.0.1:1")
                    .extracting(e -> ((SkyvernException) e).errorCode()).isEqualTo(ErrorCode.BROWSER_UNAVAILABLE);
        }
    }
}
