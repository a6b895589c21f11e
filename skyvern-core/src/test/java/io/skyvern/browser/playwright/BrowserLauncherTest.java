package io.skyvern.browser.playwright;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.BrowserConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserLauncherTest {

    @Test
    void first_line_keeps_the_useful_part_of_driver_errors() {
        assertThat(BrowserLauncher.firstLine("Error {\n  message='Error: boom\n    at eval (x)\n  name='Error'\n}"))
                .isEqualTo("boom");
        assertThat(BrowserLauncher.firstLine("Timeout 10000ms exceeded.\nCall log:\n - waiting"))
                .isEqualTo("Timeout 10000ms exceeded.");
        assertThat(BrowserLauncher.firstLine(null)).isEqualTo("unknown error");
    }

    @Test
    void configured_executable_that_does_not_exist_is_browser_unavailable(@TempDir Path dir) {
        BrowserLauncher launcher = new BrowserLauncher(
                new BrowserConfig(dir.resolve("nope").toString(), "", true, 800, 600, false));

        assertThat(launcher.browserAvailable()).isFalse();
        assertThatThrownBy(launcher::executable).isInstanceOf(SkyvernException.class)
                .hasMessageContaining("SKYVERN_BROWSER_EXECUTABLE is " + dir.resolve("nope"))
                .hasMessageContaining("SKYVERN_BROWSER_CDP_URL")
                .extracting(e -> ((SkyvernException) e).errorCode()).isEqualTo(ErrorCode.BROWSER_UNAVAILABLE);
    }

    @Test
    void a_cdp_url_counts_as_available_without_an_executable() {
        BrowserLauncher launcher = new BrowserLauncher(
                new BrowserConfig("", "http://127.0.0.1:9222", true, 800, 600, false));

        assertThat(launcher.browserAvailable()).isTrue();
    }
}
