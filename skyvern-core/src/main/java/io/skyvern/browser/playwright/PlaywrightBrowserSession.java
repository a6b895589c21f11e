package io.skyvern.browser.playwright;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Tracing;
import com.microsoft.playwright.options.SelectOption;
import io.skyvern.browser.BrowserActionException;
import io.skyvern.browser.BrowserEvent;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.DialogResponse;
import io.skyvern.browser.ElementBox;
import io.skyvern.browser.ElementDescriptor;
import io.skyvern.browser.ElementTreeRenderer;
import io.skyvern.browser.OptionChoice;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.browser.PageState;
import io.skyvern.browser.SettleReport;
import io.skyvern.browser.TabInfo;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link BrowserSession} on one Playwright context and its pages ({@link TabSet}). Every
 * Playwright call runs on the session's {@link BrowserLane} thread, and so do the page event
 * handlers (Playwright fires them on the thread pumping its connection, which is only ever the
 * lane's; between calls the lane pumps it when idle, see {@link BrowserLane}). {@link #waitFor(Duration)}
 * sleeps on the caller's thread so it does not hold the lane that other sessions share.
 * Snapshots settle first ({@link Settler}) and read every frame ({@link FrameSnapshotter}).
 */
final class PlaywrightBrowserSession implements BrowserSession {
    private static final Logger LOG = LoggerFactory.getLogger(PlaywrightBrowserSession.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVALUATE = """
            async ([names, values, body]) => {
              const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
              const result = await new AsyncFunction(...names, body)(...values);
              return result === undefined ? 'null' : (JSON.stringify(result) ?? 'null');
            }""";

    private final BrowserLane lane;
    private final BrowserContext context;
    private final TabSet tabs;
    private final DialogHandler dialogs = new DialogHandler();
    private final Settler settler;
    private final FrameSnapshotter frames = new FrameSnapshotter();
    private final Optional<Path> storageFile;
    private final Optional<Path> traceFile;
    private final ElementTreeRenderer renderer;
    private final Runnable onClose;
    private final Optional<NavigationGuard> guard;
    private volatile boolean closed;

    /** Lane thread only (it registers the page handlers). */
    PlaywrightBrowserSession(BrowserLane lane, BrowserContext context, Page page, Optional<Path> storageFile,
                             Optional<Path> traceFile, ElementTreeRenderer renderer, long settleMs, Optional<Path> downloadDir,
                             Runnable onClose, Optional<NavigationGuard> guard) {
        this.guard = guard;
        this.lane = lane;
        this.context = context;
        this.settler = new Settler(context, settleMs);
        this.tabs = new TabSet(context, page, dialogs, downloadDir);
        this.storageFile = storageFile;
        this.traceFile = traceFile;
        this.renderer = renderer;
        this.onClose = onClose;
    }

    @Override
    public void navigate(String url, boolean settle) {
        onPage("Navigation to " + url, p -> {
            p.navigate(url);
            if (settle) {
                settler.settle(p);
            }
        });
    }

    @Override
    public void settle() {
        onPage("Waiting for the page to settle", settler::settle);
    }

    @Override
    public io.skyvern.browser.Screencast screencast(io.skyvern.browser.ScreencastOptions options) {
        if (closed) {
            throw new io.skyvern.common.SkyvernException(io.skyvern.common.ErrorCode.RUN_NOT_RUNNING,
                    "The run's browser is closed");
        }
        return new PlaywrightScreencast(lane, context, tabs, options, () -> closed);
    }

    @Override
    public String currentUrl() {
        return withPage("Reading the URL", Page::url);
    }

    @Override
    public String title() {
        return withPage("Reading the title", Page::title);
    }

    @Override
    public PageSnapshot snapshot() {
        long start = System.nanoTime();
        SnapshotReader.Raw[] raw = new SnapshotReader.Raw[1];
        SettleReport[] settle = new SettleReport[1];
        List<TabInfo> open = withPage("Taking a snapshot", p -> {
            // Read first: on a settled page that read is the snapshot. Otherwise wait, then read again.
            try {
                raw[0] = frames.snapshot(tabs.current());
            } catch (PlaywrightException e) {
                raw[0] = null;  // a navigation destroyed the context mid-walk: settle on the new page
            }
            if (raw[0] != null && settler.settledAlready(tabs.page(), raw[0].sinceMutationMs(), raw[0].animatingMs())) {
                settle[0] = SettleReport.NONE;
            } else {
                settle[0] = settler.settle(tabs.page());
                raw[0] = readAfterSettling();
            }
            return tabs.infos(raw[0].title());
        });
        ElementTreeRenderer.Rendered rendered = renderer.render(raw[0].elements());
        return new PageSnapshot(raw[0].url(), raw[0].title(), raw[0].elements(), rendered.text(), raw[0].htmlSize(),
                rendered.truncated(), Duration.ofNanos(System.nanoTime() - start), open, settle[0]);
    }

    private SnapshotReader.Raw readAfterSettling() {
        try {
            return frames.snapshot(tabs.current());
        } catch (PlaywrightException e) {
            settler.settle(tabs.page());
            return frames.snapshot(tabs.current());
        }
    }

    @Override
    public PageState pageState() {
        return withPage("Reading the page state", p -> GuardProbe.state(tabs.current()));
    }

    @Override
    public byte[] screenshot() {
        return withPage("Taking a screenshot", Page::screenshot);
    }

    @Override
    public void click(String elementId) {
        onElement("Click on " + elementId, elementId, l -> ElementActions.click(l, elementId));
    }

    @Override
    public void fill(String elementId, String text) {
        onElement("Typing into " + elementId, elementId, l -> l.fill(text));
    }

    @Override
    public void selectOption(String elementId, OptionChoice choice) {
        SelectOption option;
        if (choice instanceof OptionChoice.Label l) {
            option = new SelectOption().setLabel(l.label());
        } else if (choice instanceof OptionChoice.Value v) {
            option = new SelectOption().setValue(v.value());
        } else {
            option = new SelectOption().setIndex(((OptionChoice.Index) choice).index());
        }
        onElement("Selecting " + choice + " in " + elementId, elementId, l -> {
            List<String> chosen = l.selectOption(option);
            if (chosen.isEmpty()) {
                throw new BrowserActionException("No option " + choice + " in " + elementId);
            }
        });
    }

    @Override
    public void setChecked(String elementId, boolean checked) {
        onElement((checked ? "Checking " : "Unchecking ") + elementId, elementId,
                l -> ElementActions.setChecked(l, elementId, checked));
    }

    @Override
    public void uploadFile(String elementId, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BrowserActionException("File to upload does not exist: " + file.getFileName());
        }
        onElement("Uploading to " + elementId, elementId, l -> {
            boolean fileInput = Boolean.TRUE.equals(l.evaluate("e => e.tagName === 'INPUT' && e.type === 'file'"));
            if (fileInput) {
                l.setInputFiles(file);
            } else {
                FileChooser chooser = tabs.page().waitForFileChooser(l::click);
                chooser.setFiles(file);
            }
        });
    }

    @Override
    public Path download(String elementId, Path dir) {
        return withPage("Downloading via " + elementId, p -> {
            Locator l = ElementLocator.locate(tabs.current(), elementId);
            tabs.awaitingDownload(true);
            try {
                Download d = p.waitForDownload(l::click);
                return Downloads.save(d, dir);
            } finally {
                tabs.awaitingDownload(false);
            }
        });
    }

    @Override
    public void hover(String elementId) {
        onElement("Hover over " + elementId, elementId, l -> l.hover(new Locator.HoverOptions()
                .setTimeout(ElementActions.ACTION_TIMEOUT_MS)));
    }

    @Override
    public void scroll(int dx, int dy) {
        onPage("Scrolling", p -> {
            p.mouse().wheel(dx, dy);
            p.evaluate(ElementActions.NEXT_FRAMES);   // the wheel scrolls, and the page reacts, at the next frames
        });
    }

    @Override
    public void scrollElement(String elementId, int dx, int dy) {
        onElement("Scrolling " + elementId, elementId, l -> ElementActions.scroll(l, elementId, dx, dy));
    }

    @Override
    public void press(String keys) {
        onPage("Pressing " + keys, p -> p.keyboard().press(keys));
    }

    @Override
    public void press(String elementId, String keys) {
        onElement("Pressing " + keys + " on " + elementId, elementId,
                l -> l.press(keys, new Locator.PressOptions().setTimeout(ElementActions.ACTION_TIMEOUT_MS)));
    }

    @Override
    public List<TabInfo> tabs() {
        return withPage("Listing the tabs", p -> tabs.infos());
    }

    @Override
    public void switchTab(String tabId) {
        onPage("Switching to tab " + tabId, p -> tabs.switchTo(tabId));
    }

    @Override
    public void closeTab(String tabId) {
        onPage("Closing tab " + tabId, p -> tabs.close(tabId));
    }

    @Override
    public List<BrowserEvent> drainEvents() {
        return withPage("Reading the browser events", p -> {
            BrowserLane.dispatchOnAnOpenPage(context);   // not the current tab alone: it may have closed itself
            return tabs.drain();
        });
    }

    @Override
    public void answerNextDialog(DialogResponse response) {
        ensureOpen();
        lane.run(() -> dialogs.answerNext(response));
    }

    @Override
    public void goBack() {
        onPage("Going back", p -> {
            p.goBack();
            settler.settle(p);
        });
    }

    @Override
    public void waitFor(Duration duration) {
        ensureOpen();
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrowserActionException("Interrupted while waiting", e);
        }
    }

    @Override
    public Object evaluate(String functionBody, Map<String, Object> args) {
        List<String> names = new ArrayList<>(args.keySet());
        List<Object> values = names.stream().map(args::get).toList();
        Object json = withPage("Running the script", p -> p.evaluate(EVALUATE, List.of(names, values, functionBody)));
        try {
            return MAPPER.readValue(String.valueOf(json), Object.class);
        } catch (JsonProcessingException e) {
            throw new BrowserActionException("The script's result is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public List<ElementBox> visibleBoxes() {
        // on-screen elements of the latest snapshot (top document), for the set-of-marks screenshot
        Object raw = withPage("Reading the element boxes", p -> p.evaluate("() => { const out = [];"
                + " const H = innerHeight, W = innerWidth;"
                + " document.querySelectorAll('[data-skyvern-id]').forEach((el) => {"
                + "  const r = el.getBoundingClientRect();"
                + "  if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.right <= 0 || r.top >= H || r.left >= W) return;"
                + "  if (typeof el.checkVisibility === 'function' && !el.checkVisibility({visibilityProperty: true})) return;"
                + "  out.push([el.getAttribute('data-skyvern-id'), Math.round(r.left), Math.round(r.top),"
                + "    Math.round(r.width), Math.round(r.height)]);"
                + " }); return out; }"));
        List<ElementBox> boxes = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof List<?> b && b.size() == 5 && b.get(0) instanceof String id) {
                    boxes.add(new ElementBox(id, ((Number) b.get(1)).intValue(), ((Number) b.get(2)).intValue(),
                            ((Number) b.get(3)).intValue(), ((Number) b.get(4)).intValue()));
                }
            }
        }
        return boxes;
    }

    @Override
    public Optional<String> linkTarget(String elementId) {
        // the resolved href (absolute), read in the top frame where the snapshot tagged the link
        Object href = withPage("Reading the link " + elementId, p -> p.evaluate(
                "id => { const el = document.querySelector('a[data-skyvern-id=\"' + CSS.escape(id) + '\"]');"
                        + " return el && el.href ? String(el.href) : null; }", elementId));
        return href instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    @Override
    public Optional<ElementDescriptor> describe(String elementId) {
        return Optional.of(withPage("Describing " + elementId, p -> ElementDescriber.describe(tabs.current(), elementId)));
    }

    @Override
    public Optional<String> find(ElementDescriptor descriptor) {
        ElementDescriber.Found found = withPage("Finding an element", p -> ElementDescriber.find(tabs.current(), descriptor));
        if (found.id().isEmpty()) {
            LOG.debug("Replay: {}", found.how());
        }
        return found.id().isEmpty() ? Optional.empty() : Optional.of(found.id());
    }

    @Override
    public boolean closed() {
        return closed || lane.call(() -> context.browser() == null || !context.browser().isConnected());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lane.run(this::closeOnLane);
        } finally {
            onClose.run();
        }
    }

    private void closeOnLane() {
        try {
            if (context.browser() != null && context.browser().isConnected()) {
                if (storageFile.isPresent()) {
                    context.storageState(new BrowserContext.StorageStateOptions().setPath(storageFile.get()));
                }
                if (traceFile.isPresent()) {
                    context.tracing().stop(new Tracing.StopOptions().setPath(traceFile.get()));
                }
            }
            context.close();
        } catch (PlaywrightException e) {
            LOG.warn("Closing a browser session did not finish cleanly: {}", BrowserLauncher.firstLine(e.getMessage()));
        }
    }

    private void onElement(String what, String elementId, Consumer<Locator> action) {
        onPage(what, p -> action.accept(ElementLocator.locate(tabs.current(), elementId)));
    }

    private void onPage(String what, Consumer<Page> action) {
        withPage(what, p -> {
            try {
                action.accept(p);
            } catch (PlaywrightException e) {
                // An action that closes its own tab (a "Close" button running window.close()) did
                // what it was asked: Playwright only reports that the page went away under it.
                if (!p.isClosed() || closed) {
                    throw e;
                }
            }
            return null;
        });
    }

    private <T> T withPage(String what, Function<Page, T> work) {
        ensureOpen();
        return lane.call(() -> {
            T result;
            try {
                result = work.apply(tabs.page());
            } catch (PlaywrightException e) {
                blockIfRefused(what);
                throw new BrowserActionException(what + " failed: " + BrowserLauncher.firstLine(e.getMessage()), e);
            }
            blockIfRefused(what);
            return result;
        });
    }

    /** Lane thread: leaves a page the network policy refused and fails the operation that reached it. */
    private void blockIfRefused(String what) {
        Optional<String> refused = guard.flatMap(NavigationGuard::takeViolation);
        if (refused.isEmpty()) {
            return;
        }
        try {
            tabs.page().navigate("about:blank");
        } catch (PlaywrightException e) {
            // the page is gone or busy: the failure below stands either way
        }
        throw new BrowserActionException(what + " blocked by the network policy: " + refused.get());
    }

    private void ensureOpen() {
        if (closed) {
            throw new SkyvernException(ErrorCode.BROWSER_SESSION_CLOSED, "The browser session is closed");
        }
    }
}
