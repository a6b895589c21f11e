package io.skyvern.browser.playwright;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.BrowserConfig;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and starts Chromium the way the configuration says: a CDP URL, else
 * {@code SKYVERN_BROWSER_EXECUTABLE}, else a chromium/chrome on PATH, else Playwright's own
 * download. Stateless; its methods that take a {@link Playwright} must run on that instance's thread.
 */
final class BrowserLauncher {
    static final List<String> LAUNCH_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-dev-shm-usage");
    private static final List<String> PATH_NAMES =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    static final String HOW_TO_PROVIDE = "Provide a browser in one of three ways: set SKYVERN_BROWSER_EXECUTABLE "
            + "to a Chromium/Chrome binary, install chromium (or google-chrome) on the PATH, or set "
            + "SKYVERN_BROWSER_CDP_URL to a running browser's DevTools URL.";

    private final BrowserConfig config;

    BrowserLauncher(BrowserConfig config) {
        this.config = config;
    }

    static Playwright createPlaywright() {
        try {
            return Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        } catch (PlaywrightException e) {
            throw unavailable("Could not start the Playwright driver: " + firstLine(e.getMessage()), e);
        }
    }

    Browser launch(Playwright playwright) {
        if (!config.cdpUrl().isBlank()) {
            try {
                return playwright.chromium().connectOverCDP(config.cdpUrl());
            } catch (PlaywrightException e) {
                throw unavailable("Could not connect to the browser at " + config.cdpUrl() + ": "
                        + firstLine(e.getMessage()), e);
            }
        }
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setHeadless(config.headless())
                .setArgs(LAUNCH_ARGS);
        Optional<Path> executable = executable();
        executable.ifPresent(options::setExecutablePath);
        try {
            return playwright.chromium().launch(options);
        } catch (PlaywrightException e) {
            String which = executable.map(p -> "Chromium at " + p).orElse("Playwright's own Chromium");
            throw unavailable("Could not launch " + which + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Whether some browser source is configured or present (cheap: launches nothing). */
    boolean browserAvailable() {
        if (!config.cdpUrl().isBlank()) {
            return true;
        }
        try {
            return executable().isPresent() || playwrightDownloadPresent();
        } catch (SkyvernException e) {
            return false;
        }
    }

    /** The configured executable, else one found on PATH; empty means "Playwright's own". */
    Optional<Path> executable() {
        if (!config.executable().isBlank()) {
            Path p = Path.of(config.executable());
            if (!Files.isExecutable(p)) {
                throw unavailable("SKYVERN_BROWSER_EXECUTABLE is " + p + ", which is not an executable file.", null);
            }
            return Optional.of(p);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String name : PATH_NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean playwrightDownloadPresent() {
        String custom = System.getenv("PLAYWRIGHT_BROWSERS_PATH");
        Path dir = custom != null && !custom.isBlank() ? Path.of(custom)
                : Path.of(System.getProperty("user.home"), ".cache", "ms-playwright");
        try (var entries = Files.list(dir)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("chromium"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static SkyvernException unavailable(String what, Throwable cause) {
        return new SkyvernException(ErrorCode.BROWSER_UNAVAILABLE, what + " " + HOW_TO_PROVIDE,
                List.of(), Map.of(), cause);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String text = message.strip();
        // Driver errors come as "Error {\n  message='Error: boom\n    at ...": the useful line is inside.
        int inner = text.indexOf("message='");
        if (text.startsWith("Error {") && inner >= 0) {
            text = text.substring(inner + 9);
        }
        String line = text.lines().findFirst().orElse("").strip();
        return line.startsWith("Error: ") ? line.substring(7) : line;
    }
}
