package io.skyvern.browser.playwright;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.skyvern.browser.Screencast;
import io.skyvern.browser.ScreencastOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Chromium's own screencast ({@code Page.startScreencast} over a CDP session) of the session's
 * current tab. Playwright for Java delivers events only while the lane thread is inside a Playwright
 * call, and the agent leaves the lane idle while the model thinks; so the screencast hooks into the
 * lane's own idle pump ({@link BrowserLane#onPump}, every 30 ms while a hook is registered): each
 * tick follows a tab switch and makes one cheap CDP round trip, during which Playwright delivers
 * the frames that arrived; each frame is acknowledged in its handler
 * (Chromium sends the next frame only after an ack). The frames themselves
 * are only decoded from base64 and kept as the newest; nothing is re-encoded, so the CPU per frame
 * is small. Thread-safe.
 */
final class PlaywrightScreencast implements Screencast {
    private static final Logger LOG = LoggerFactory.getLogger(PlaywrightScreencast.class);
    private static final JsonObject PING = new JsonObject();

    static {
        PING.addProperty("expression", "0");
    }

    private final BrowserLane lane;
    private final BrowserContext context;
    private final TabSet tabs;
    private final ScreencastOptions options;
    private final BooleanSupplier sessionClosed;
    /** Removes the pump hook; null for the instant between registering it and storing this. */
    private volatile Runnable pumpHook;
    private final Object lock = new Object();
    // guarded by lock
    private byte[] newest;
    private long newestSeq;
    private long takenSeq;
    private volatile boolean closed;
    // lane thread only
    private CDPSession cdp;
    private Page watched;

    PlaywrightScreencast(BrowserLane lane, BrowserContext context, TabSet tabs, ScreencastOptions options,
                         BooleanSupplier sessionClosed) {
        this.lane = lane;
        this.context = context;
        this.tabs = tabs;
        this.options = options;
        this.sessionClosed = sessionClosed;
        lane.call(() -> {
            follow();
            return null;
        });
        this.pumpHook = lane.onPump(this::pumpOnce);
    }

    @Override
    public Optional<byte[]> nextFrame(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (newestSeq == takenSeq && !ended()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            if (newestSeq == takenSeq) {
                return Optional.empty();
            }
            takenSeq = newestSeq;
            return Optional.of(newest);
        }
    }

    @Override
    public boolean ended() {
        return closed || sessionClosed.getAsBoolean();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        unhook();
        synchronized (lock) {
            lock.notifyAll();
        }
        if (sessionClosed.getAsBoolean()) {
            return;
        }
        try {
            lane.call(() -> {
                stopWatching();
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debug("Stopping the screencast failed (the session may be closing)", e);
        }
    }

    /** Lane thread, at a pump tick: follows the current tab and lets the frames that arrived in. */
    private boolean pumpOnce() {
        if (ended()) {
            synchronized (lock) {
                lock.notifyAll();
            }
            unhook();
            return false;
        }
        try {
            follow();
            // A round trip on the CDP session: Playwright delivers the frames that arrived before its answer.
            cdp.send("Runtime.evaluate", PING);
            return true;
        } catch (RuntimeException e) {
            if (!ended()) {
                LOG.debug("Screencast pump failed; it tries again", e);
            }
            return false;
        }
    }

    private void unhook() {
        Runnable remove = pumpHook;
        if (remove != null) {
            remove.run();
        }
    }

    /** Lane thread: (re)starts the screencast on the current tab when the agent switched tabs. */
    private void follow() {
        Page current = tabs.page();
        if (current == watched && cdp != null) {
            return;
        }
        stopWatching();
        watched = current;
        cdp = context.newCDPSession(current);
        cdp.on("Page.screencastFrame", event -> {
            byte[] jpeg = Base64.getDecoder().decode(event.get("data").getAsString());
            ack(event.get("sessionId").getAsInt());
            synchronized (lock) {
                newest = jpeg;
                newestSeq++;
                lock.notifyAll();
            }
        });
        JsonObject args = new JsonObject();
        args.addProperty("format", "jpeg");
        args.addProperty("quality", options.jpegQuality());
        args.addProperty("maxWidth", options.maxWidth());
        args.addProperty("maxHeight", options.maxHeight());
        args.addProperty("everyNthFrame", 1);
        cdp.send("Page.startScreencast", args);
    }

    /**
     * Lane thread, inside the frame's event handler: acknowledged at once, so Chromium renders the
     * next frame while this one travels (Playwright allows calls from its event handlers).
     */
    private void ack(int frameSessionId) {
        JsonObject args = new JsonObject();
        args.addProperty("sessionId", frameSessionId);
        try {
            cdp.send("Page.screencastFrameAck", args);
        } catch (PlaywrightException tabGone) {
            // the tab closed under the frame: the next pump follows the current tab
        }
    }

    private void stopWatching() {
        if (cdp == null) {
            return;
        }
        try {
            cdp.send("Page.stopScreencast");
            cdp.detach();
        } catch (PlaywrightException alreadyGone) {
            // the tab was closed: its CDP session went with it
        }
        cdp = null;
    }
}
