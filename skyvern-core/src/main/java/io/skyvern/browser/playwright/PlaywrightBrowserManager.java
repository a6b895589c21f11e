package io.skyvern.browser.playwright;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import io.skyvern.netpolicy.NetworkPolicy;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Tracing;
import io.skyvern.browser.ElementTreeRenderer;
import io.skyvern.llm.TokenCounter;
import io.skyvern.browser.BrowserManager;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.BrowserUsage;
import io.skyvern.browser.SessionOptions;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.BrowserConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sessions on Chromium through Playwright: one BrowserContext (and its tabs) per session inside a
 * shared browser process.
 *
 * <p><b>Threading choice.</b> Playwright objects must stay on one thread. A Playwright instance per
 * session would cost a Node driver process (and, to stay on one thread, a browser) per run; one
 * instance for the whole manager would serialise every run behind one thread. So the manager has a
 * fixed number of {@link BrowserLane lanes}: each is one thread owning one Playwright driver and
 * one Chromium, started on first use. A new session is pinned to the lane with the fewest open
 * sessions and all its calls are marshalled to that lane's thread. Calls of sessions on the same
 * lane interleave call by call (each call is short; waits sleep on the caller's thread), and lanes
 * run in parallel. Choose {@code lanes} about the number of run workers, bounded by memory (a lane
 * costs roughly one Node process and one Chromium).
 *
 * <p><b>Persistent sessions</b> keep cookies and local storage in {@code storage-state.json} inside
 * their directory (loaded on open, saved on close) rather than in a Chromium user-data dir: that
 * way they share the lane's browser and also work over CDP. One open session per directory.
 *
 * <p><b>Spare pages.</b> When a session closes, its lane makes a fresh context and page for the next
 * session ({@link BrowserLane#refillSpare}); a fresh session (no stored state, no trace) takes it
 * and starts its first navigation at once instead of waiting for Chromium to make a page.
 *
 * <p>A browser that died (crash, killed, disconnected) is started again on the next
 * {@link #openSession}. Thread-safe.
 */
public final class PlaywrightBrowserManager implements BrowserManager {
    static final String STORAGE_FILE = "storage-state.json";

    private final BrowserConfig config;
    private final NetworkPolicy policy;
    private final BrowserLauncher launcher;
    private final List<BrowserLane> lanes;
    private final Set<BrowserSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<Path> persistentInUse = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Sessions that may reach any address but the cloud metadata endpoints (tests on loopback pages). */
    public PlaywrightBrowserManager(BrowserConfig config, int lanes) {
        this(config, lanes, NetworkPolicy.PRIVATE_ALLOWED);
    }

    /** Sessions whose navigations, redirects included, obey {@code policy}. */
    public PlaywrightBrowserManager(BrowserConfig config, int lanes, NetworkPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.config = Objects.requireNonNull(config, "config");
        if (lanes < 1 || lanes > 64) {
            throw new IllegalArgumentException("lanes must be 1..64, was " + lanes);
        }
        this.launcher = new BrowserLauncher(config);
        List<BrowserLane> list = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            list.add(new BrowserLane("skyvern-browser-" + i, launcher));
        }
        this.lanes = List.copyOf(list);
    }

    @Override
    public BrowserSession openSession(SessionOptions options) {
        Objects.requireNonNull(options, "options");
        if (closed) {
            throw new SkyvernException(ErrorCode.BROWSER_UNAVAILABLE, "The browser manager is closed");
        }
        Optional<Path> storage = options.persistentDir().map(dir -> claim(dir).resolve(STORAGE_FILE));
        BrowserLane lane = lanes.stream().min(Comparator.comparingInt(l -> l.openSessions().get())).orElseThrow();
        lane.openSessions().incrementAndGet();
        try {
            Optional<Path> trace = config.trace() ? options.traceFile() : Optional.empty();
            BrowserSession[] holder = new BrowserSession[1];
            Runnable onClose = () -> {
                lane.openSessions().decrementAndGet();
                if (!closed) {
                    lane.refillSpare(this::newContext);   // the next fresh session starts without making a page
                }
                options.persistentDir().ifPresent(d -> persistentInUse.remove(d.toAbsolutePath().normalize()));
                sessions.remove(holder[0]);
            };
            holder[0] = lane.call(() -> newSession(lane, storage, trace, options, onClose));
            sessions.add(holder[0]);
            return holder[0];
        } catch (RuntimeException e) {
            lane.openSessions().decrementAndGet();
            options.persistentDir().ifPresent(d -> persistentInUse.remove(d.toAbsolutePath().normalize()));
            throw e;
        }
    }

    private Path claim(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        if (!persistentInUse.add(key)) {
            throw new SkyvernException(ErrorCode.BROWSER_SESSION_BUSY,
                    "Another open session already uses the browser data directory " + key);
        }
        try {
            return Files.createDirectories(key);
        } catch (IOException e) {
            persistentInUse.remove(key);
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR,
                    "Cannot create the browser data directory " + key + ": " + e.getMessage());
        }
    }

    /** Lane thread only. */
    private PlaywrightBrowserSession newSession(BrowserLane lane, Optional<Path> storage, Optional<Path> trace,
                                                SessionOptions options, Runnable onClose) {
        Browser browser = lane.browser();
        try {
            // a spare serves a fresh session only: a stored login or a trace must be set up at creation
            Optional<BrowserLane.Spare> spare = storage.isEmpty() && trace.isEmpty() ? lane.takeSpare() : Optional.empty();
            BrowserContext context = spare.map(BrowserLane.Spare::context).orElseGet(() -> newContext(browser, storage));
            if (trace.isPresent()) {
                context.tracing().start(new Tracing.StartOptions().setScreenshots(true).setSnapshots(true));
            }
            Page page = spare.isPresent() ? spare.get().page() : context.newPage();
            NavigationGuard guard = new NavigationGuard(policy);
            guard.install(context, page);
            ElementTreeRenderer renderer = new ElementTreeRenderer(options.maxTreeChars(), config.pageTokens(),
                    TokenCounter.o200k()::count);
            return new PlaywrightBrowserSession(lane, context, page, storage, trace, renderer,
                    config.settleMs(), options.downloadDir(), onClose, Optional.of(guard));
        } catch (PlaywrightException e) {
            throw BrowserLauncher.unavailable("Could not open a browser context: "
                    + BrowserLauncher.firstLine(e.getMessage()), e);
        }
    }

    private BrowserContext newContext(Browser browser) {
        return newContext(browser, Optional.empty());
    }

    /** Lane thread: a context as every session has it, with the stored login state when there is one. */
    private BrowserContext newContext(Browser browser, Optional<Path> storage) {
        Browser.NewContextOptions ctx = new Browser.NewContextOptions()
                .setViewportSize(config.viewportWidth(), config.viewportHeight())
                .setAcceptDownloads(true);
        storage.filter(Files::isRegularFile).ifPresent(ctx::setStorageStatePath);
        BrowserContext context = browser.newContext(ctx);
        context.setDefaultTimeout(10_000);
        context.setDefaultNavigationTimeout(30_000);
        return context;
    }

    @Override
    public boolean isHealthy() {
        return !closed && launcher.browserAvailable();
    }

    /**
     * Counts contexts lane by lane on each lane's thread, so the figure waits behind browser calls
     * already queued there (tens of milliseconds while runs are busy).
     */
    @Override
    public BrowserUsage usage() {
        if (closed) {
            return BrowserUsage.NONE;
        }
        int contexts = 0;
        int browsers = 0;
        try {
            for (BrowserLane lane : lanes) {
                contexts += lane.openContexts();
                browsers += lane.browserConnected() ? 1 : 0;
            }
        } catch (RejectedExecutionException e) {
            return BrowserUsage.NONE;  // closed meanwhile: its lanes no longer take work
        }
        return new BrowserUsage(sessions.size(), contexts, browsers);
    }

    /** Closes the browsers under the open sessions, as a crash would; for recovery tests. */
    void killBrowsers() {
        lanes.forEach(BrowserLane::killBrowser);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (BrowserSession s : List.copyOf(sessions)) {
            s.close();
        }
        lanes.forEach(BrowserLane::close);
    }
}
