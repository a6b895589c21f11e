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
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import io.skyvern.browser.BrowserActionException;
import io.skyvern.browser.BrowserEvent;
import io.skyvern.browser.DialogResponse;
import io.skyvern.browser.PageState;
import io.skyvern.browser.TabInfo;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.ElementTreeRenderer;
import io.skyvern.browser.OptionChoice;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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
 * A {@link BrowserSession} on one Playwright context and page. Every Playwright call runs on the
 * session's {@link BrowserLane} thread; {@link #waitFor(Duration)} sleeps on the caller's thread so
 * it does not hold the lane that other sessions share.
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
    private final Page page;
    private final Optional<Path> storageFile;
    private final Optional<Path> traceFile;
    private final ElementTreeRenderer renderer;
    private final SnapshotReader reader = new SnapshotReader();
    private final Runnable onClose;
    private final Optional<NavigationGuard> guard;
    private volatile boolean closed;

    PlaywrightBrowserSession(BrowserLane lane, BrowserContext context, Page page, Optional<Path> storageFile,
                             Optional<Path> traceFile, int maxTreeChars, Runnable onClose) {
        this(lane, context, page, storageFile, traceFile, maxTreeChars, onClose, Optional.empty());
    }

    PlaywrightBrowserSession(BrowserLane lane, BrowserContext context, Page page, Optional<Path> storageFile,
                             Optional<Path> traceFile, int maxTreeChars, Runnable onClose,
                             Optional<NavigationGuard> guard) {
        this.guard = guard;
        this.lane = lane;
        this.context = context;
        this.page = page;
        this.storageFile = storageFile;
        this.traceFile = traceFile;
        this.renderer = new ElementTreeRenderer(maxTreeChars);
        this.onClose = onClose;
    }

    @Override
    public void navigate(String url) {
        onPage("Navigation to " + url, p -> p.navigate(url));
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
        SnapshotReader.Raw raw = withPage("Taking a snapshot", p -> {
            settle(p);
            try {
                return reader.read(p);
            } catch (PlaywrightException e) {
                // A navigation destroyed the context mid-walk: wait for the new page and walk it.
                settle(p);
                return reader.read(p);
            }
        });
        ElementTreeRenderer.Rendered rendered = renderer.render(raw.elements());
        return new PageSnapshot(raw.url(), raw.title(), raw.elements(), rendered.text(), raw.htmlSize(),
                rendered.truncated(), Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public byte[] screenshot() {
        return withPage("Taking a screenshot", Page::screenshot);
    }

    @Override
    public void click(String elementId) {
        onElement("Click on " + elementId, elementId, Locator::click);
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
        onElement((checked ? "Checking " : "Unchecking ") + elementId, elementId, l -> l.setChecked(checked));
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
                FileChooser chooser = page.waitForFileChooser(l::click);
                chooser.setFiles(file);
            }
        });
    }

    @Override
    public Path download(String elementId, Path dir) {
        return withPage("Downloading via " + elementId, p -> {
            Locator l = ElementLocator.locate(p, elementId);
            Download d = p.waitForDownload(l::click);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new BrowserActionException("Cannot create download directory: " + e.getMessage(), e);
            }
            Path target = uniqueTarget(dir, safeName(d.suggestedFilename()));
            d.saveAs(target);
            return target;
        });
    }

    @Override
    public void hover(String elementId) {
        onElement("Hover over " + elementId, elementId, Locator::hover);
    }

    @Override
    public void scroll(int dx, int dy) {
        onPage("Scrolling", p -> p.mouse().wheel(dx, dy));
    }

    @Override
    public void press(String keys) {
        onPage("Pressing " + keys, p -> p.keyboard().press(keys));
    }

    @Override
    public PageState pageState() {
        // Placeholder until tabs and the guard probe land: one tab, no document identity.
        return new PageState("t1", currentUrl(), "", 0);
    }

    @Override
    public void scrollElement(String elementId, int dx, int dy) {
        onElement("Scrolling " + elementId, elementId, l -> l.evaluate("(e, d) => e.scrollBy(d[0], d[1])", List.of(dx, dy)));
    }

    @Override
    public void press(String elementId, String keys) {
        onElement("Pressing " + keys + " on " + elementId, elementId, l -> l.press(keys));
    }

    @Override
    public List<TabInfo> tabs() {
        return List.of(new TabInfo("t1", currentUrl(), title(), true));
    }

    @Override
    public void switchTab(String tabId) {
        if (!"t1".equals(tabId)) {
            throw new BrowserActionException("No tab " + tabId);
        }
    }

    @Override
    public void closeTab(String tabId) {
        throw new BrowserActionException("The last tab cannot be closed");
    }

    @Override
    public List<BrowserEvent> drainEvents() {
        return List.of();
    }

    @Override
    public void answerNextDialog(DialogResponse response) {
        // Placeholder until dialogs are handled.
    }

    @Override
    public void goBack() {
        onPage("Going back", Page::goBack);
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
    public boolean closed() {
        return closed || lane.call(() -> page.isClosed() || !context.browser().isConnected());
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

    private void settle(Page p) {
        try {
            p.waitForLoadState(LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(10_000));
        } catch (PlaywrightException e) {
            LOG.debug("Page did not reach load state; snapshotting what is there: {}", e.getMessage());
        }
    }

    private void onElement(String what, String elementId, Consumer<Locator> action) {
        onPage(what, p -> action.accept(ElementLocator.locate(p, elementId)));
    }

    private void onPage(String what, Consumer<Page> action) {
        withPage(what, p -> {
            action.accept(p);
            return null;
        });
    }

    private <T> T withPage(String what, Function<Page, T> work) {
        ensureOpen();
        return lane.call(() -> {
            T result;
            try {
                result = work.apply(page);
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
            page.navigate("about:blank");
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

    private static String safeName(String suggested) {
        String name = Path.of(suggested.isBlank() ? "download" : suggested).getFileName().toString();
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static Path uniqueTarget(Path dir, String name) {
        Path target = dir.resolve(name);
        for (int i = 1; Files.exists(target); i++) {
            target = dir.resolve(i + "-" + name);
        }
        return target;
    }
}
