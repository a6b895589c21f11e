package io.skyvern.execution;

import io.skyvern.browser.BrowserManager;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.BrowserUsage;
import io.skyvern.browser.SessionOptions;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage through the lazy manager: nothing before the first session, and asking launches nothing. */
class LazyBrowserManagerTest {
    static final BrowserUsage BUSY = new BrowserUsage(2, 2, 1);

    final AtomicInteger created = new AtomicInteger();
    final LazyBrowserManager lazy = new LazyBrowserManager(() -> {
        created.incrementAndGet();
        return new BrowserManager() {
            @Override
            public BrowserSession openSession(SessionOptions options) {
                return null;  // the session itself plays no part here
            }

            @Override
            public boolean isHealthy() {
                return true;
            }

            @Override
            public BrowserUsage usage() {
                return BUSY;
            }

            @Override
            public void close() {
            }
        };
    }, () -> true);

    @Test
    void usage_before_the_first_session_is_none_and_creates_no_browser() {
        assertThat(lazy.usage()).isEqualTo(BrowserUsage.NONE);
        assertThat(created).hasValue(0);
        assertThat(lazy.launched()).isFalse();
    }

    @Test
    void usage_after_the_first_session_is_the_real_managers() {
        lazy.openSession(SessionOptions.fresh());

        assertThat(lazy.usage()).isEqualTo(BUSY);
        assertThat(created).hasValue(1);
    }

    @Test
    void usage_after_close_is_none() {
        lazy.openSession(SessionOptions.fresh());

        lazy.close();

        assertThat(lazy.usage()).isEqualTo(BrowserUsage.NONE);
    }
}
