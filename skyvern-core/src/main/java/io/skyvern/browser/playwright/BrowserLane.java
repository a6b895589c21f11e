package io.skyvern.browser.playwright;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import io.skyvern.browser.BrowserActionException;
import io.skyvern.common.SkyvernException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One thread that owns one Playwright driver and one browser. Every use of those objects, and of
 * the contexts and pages made from them, goes through {@link #call(Callable)}, which runs the work
 * on the lane's thread: this is how Playwright's single-thread rule is kept. The driver and browser
 * start lazily and the browser is started again when it has died.
 *
 * <p>Playwright for Java reads its connection only inside a call, and every request of a session
 * waits for our route handler ({@link NavigationGuard}) on that connection. So while no call runs
 * (the model is thinking, a {@code wait} action sleeps, a test polls its server) the page's
 * requests, a frame's form post, dialogs and new tabs would all stand still. The lane therefore
 * pumps the connection every {@link #PUMP_MS} ms when it is idle: a 1 ms wait on any open page,
 * which dispatches what arrived (handlers run here, on the lane thread, as before).
 *
 * <p>The pump is the lane's one mechanism for idle dispatch: a live-view screencast registers a
 * {@link #onPump hook} instead of running a pump of its own. While a hook is registered the lane
 * pumps every {@link #WATCHED_PUMP_MS} ms (frames must flow at the screencast's rate), else every
 * {@link #PUMP_MS} ms.
 *
 * <p>The lane also keeps one <b>spare</b>: a fresh context with a blank page, made on the lane once a
 * session closed (after the work already queued), and handed to the next fresh session. Chromium takes
 * 140-230 ms to make a page on our 2-core hosts (plain Playwright, measured), which every run would
 * otherwise wait for before its first navigation. The spare holds no state (no cookies, no storage,
 * no route: the session installs its own), belongs to the current browser only, and is not counted
 * as an open context.
 */
final class BrowserLane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserLane.class);
    static final long PUMP_MS = 50;
    static final long WATCHED_PUMP_MS = 30;

    private final String name;
    private final BrowserLauncher launcher;
    private final ScheduledExecutorService thread;
    private final AtomicInteger openSessions = new AtomicInteger();
    private final Set<BooleanSupplier> pumpHooks = new CopyOnWriteArraySet<>();
    // Confined to the lane thread.
    private Playwright playwright;
    private Browser browser;
    private Spare spare;

    /** A context and its blank page, made ahead of need from {@code browser}. */
    record Spare(Browser browser, BrowserContext context, Page page) {
    }

    BrowserLane(String name, BrowserLauncher launcher) {
        this.name = name;
        this.launcher = launcher;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        thread.schedule(this::pump, PUMP_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Registers {@code hook} to run on the lane thread at every pump tick, before the lane's own
     * dispatch; the hook returns true when it made a Playwright call itself (which dispatched what
     * had arrived), so the lane's 1 ms wait is not needed that tick. Running the returned action removes it.
     */
    Runnable onPump(BooleanSupplier hook) {
        pumpHooks.add(hook);
        return () -> pumpHooks.remove(hook);
    }

    /** Lets Playwright dispatch what arrived since the last call (lane thread, between calls). */
    private void pump() {
        try {
            dispatch();
        } finally {
            try {
                thread.schedule(this::pump, pumpHooks.isEmpty() ? PUMP_MS : WATCHED_PUMP_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // the lane is closing: no more ticks
            }
        }
    }

    private void dispatch() {
        boolean dispatched = false;
        for (BooleanSupplier hook : pumpHooks) {
            try {
                dispatched |= hook.getAsBoolean();
            } catch (RuntimeException e) {
                LOG.debug("Pump hook of {} failed; it runs again next tick", name, e);
            }
        }
        try {
            if (dispatched || openSessions.get() == 0 || !connected()) {
                return;
            }
            for (BrowserContext c : browser.contexts()) {
                if (dispatchOnAnOpenPage(c)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // A page closing or a browser going away right now: the next call will find out.
            LOG.trace("Idle pump of {} skipped: {}", name, e.getMessage());
        }
    }

    /**
     * Lane thread: a 1 ms wait on an open page of {@code context} lets Playwright dispatch the events
     * that arrived (any page serves; the current tab may be one that just closed itself). Whether a
     * page could be waited on.
     */
    static boolean dispatchOnAnOpenPage(BrowserContext context) {
        for (Page open : context.pages()) {
            if (open.isClosed()) {
                continue;
            }
            try {
                open.waitForTimeout(1);
                return true;
            } catch (PlaywrightException e) {
                // closing right now: the next open page serves as well
            }
        }
        return false;
    }

    String name() {
        return name;
    }

    AtomicInteger openSessions() {
        return openSessions;
    }

    /** Runs {@code work} on the lane thread and waits for it; its runtime exceptions pass through. */
    <T> T call(Callable<T> work) {
        Future<T> future = thread.submit(work);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrowserActionException("Interrupted while waiting for the browser", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new BrowserActionException("Browser call failed: " + cause, cause);
        }
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** The live browser, started or restarted as needed. Lane thread only. */
    Browser browser() {
        if (browser != null && browser.isConnected()) {
            return browser;
        }
        if (browser != null) {
            LOG.warn("Browser of {} is gone; starting a new one", name);
            closeQuietly(browser);
            browser = null;
        }
        if (playwright == null) {
            playwright = BrowserLauncher.createPlaywright();
        }
        try {
            browser = launcher.launch(playwright);
        } catch (SkyvernException e) {
            // The driver itself may be broken (e.g. it was killed): start over once with a new one.
            closeQuietly(playwright);
            playwright = BrowserLauncher.createPlaywright();
            browser = launcher.launch(playwright);
        }
        return browser;
    }

    /**
     * Lane thread: the spare, if this lane has one that is still usable (made by the live browser,
     * its page open); the lane has none afterwards until {@link #refillSpare} makes another.
     */
    java.util.Optional<Spare> takeSpare() {
        Spare s = spare;
        spare = null;
        if (s == null || s.browser() != browser || !connected() || s.page().isClosed()) {
            if (s != null) {
                closeQuietly(s.context());
            }
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(s);
    }

    /**
     * Asks the lane to make a spare with {@code make} once the work queued before it has run,
     * unless it has one or no browser runs (a spare never launches one). Returns at once; a spare
     * that cannot be made is simply not there.
     */
    void refillSpare(java.util.function.Function<Browser, BrowserContext> make) {
        try {
            thread.execute(() -> {
                if (spare != null || !connected()) {
                    return;
                }
                BrowserContext context = null;
                try {
                    context = make.apply(browser);
                    spare = new Spare(browser, context, context.newPage());
                } catch (RuntimeException e) {
                    closeQuietly(context);
                    LOG.debug("No spare page on {}: {}", name, e.getMessage());
                }
            });
        } catch (RejectedExecutionException closing) {
            // the lane is closing: no spare
        }
    }

    /** Whether this lane has a connected browser (lane thread only). */
    boolean connected() {
        return browser != null && browser.isConnected();
    }

    /**
     * Contexts open in this lane's browser as the Playwright driver tracks them (a context leaves
     * the list once the browser confirmed its close); 0 when no browser runs. Never launches one.
     */
    int openContexts() {
        return call(() -> connected() ? browser.contexts().size() - (spare != null && spare.browser() == browser ? 1 : 0) : 0);
    }

    /** Whether the lane has a connected browser now (any thread). */
    boolean browserConnected() {
        return call(this::connected);
    }

    /** Closes the browser but keeps the lane usable; for tests of crash recovery. */
    void killBrowser() {
        run(() -> {
            if (browser != null) {
                browser.close();
            }
        });
    }

    @Override
    public void close() {
        try {
            run(() -> {
                closeQuietly(browser);
                closeQuietly(playwright);
                browser = null;
                playwright = null;
                spare = null;
            });
        } finally {
            thread.shutdown();
            try {
                if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                    thread.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (PlaywrightException e) {
            LOG.debug("Ignoring error while closing {} on {}: {}", c.getClass().getSimpleName(), name, e.getMessage());
        } catch (Exception e) {
            LOG.debug("Ignoring error while closing on {}", name, e);
        }
    }
}
