package io.skyvern.browser.playwright;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.skyvern.browser.BrowserActionException;
import io.skyvern.browser.BrowserEvent;
import io.skyvern.browser.TabInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of a session's context as tabs: every page the context opens (a {@code target=_blank}
 * link, {@code window.open}) gets the next id and becomes current, as a person's browser would
 * show it; a page that closes itself leaves, and the most recently used other tab becomes current.
 * It also collects what pages did on their own (tabs, dialogs, downloads) until the session
 * drains them. Downloads nobody waited for are saved into the session's download directory at the
 * next drain, off the event handler, since saving waits for the whole file. Lane thread only:
 * Playwright fires the handlers on the thread that pumps it, which is the lane's.
 */
final class TabSet {
    private static final Logger LOG = LoggerFactory.getLogger(TabSet.class);

    private record Opened(Tab tab) {
    }

    private record PendingDownload(Download download, String tabId) {
    }

    private final BrowserContext context;
    private final DialogHandler dialogs;
    private Optional<Path> downloadDir;
    private final Map<String, Tab> tabs = new LinkedHashMap<>();
    private final Map<Page, Tab> byPage = new IdentityHashMap<>();
    private final List<Object> events = new ArrayList<>();
    private final List<PendingDownload> downloads = new ArrayList<>();
    private Tab current;
    private int nextId;
    private long clock;
    private boolean downloadAwaited;

    TabSet(BrowserContext context, Page first, DialogHandler dialogs, Optional<Path> downloadDir) {
        this.context = context;
        this.dialogs = dialogs;
        this.downloadDir = downloadDir;
        use(add(first));
        context.onPage(this::opened);
    }

    /** The tab actions go to; a new blank one when the pages closed them all themselves. */
    Tab current() {
        if (current == null) {
            Page p = context.newPage();
            opened(p);
        }
        return current;
    }

    Page page() {
        return current().page();
    }

    void switchTo(String tabId) {
        use(find(tabId));
        current.page().bringToFront();
    }

    void close(String tabId) {
        Tab t = find(tabId);
        if (tabs.size() == 1) {
            throw new BrowserActionException("Tab " + tabId + " is the last open tab and cannot be closed");
        }
        forget(t);
        events.add(new BrowserEvent.TabClosed(t.id(), current.id()));
        t.page().close();
    }

    List<TabInfo> infos() {
        return infos(null);
    }

    /** The tabs; {@code currentTitle}, when known (a snapshot just read it), spares a round trip. */
    List<TabInfo> infos(String currentTitle) {
        List<TabInfo> out = new ArrayList<>();
        for (Tab t : tabs.values()) {
            String title = t == current && currentTitle != null ? currentTitle : "";
            try {
                title = t == current && currentTitle != null ? currentTitle : t.page().title();
            } catch (PlaywrightException e) {
                LOG.debug("No title for tab {}: {}", t.id(), BrowserLauncher.firstLine(e.getMessage()));
            }
            out.add(new TabInfo(t.id(), t.page().url(), title, t == current));
        }
        return out;
    }

    /** While an explicit download action waits for its file, the page's download is its, not an event. */
    void awaitingDownload(boolean awaiting) {
        downloadAwaited = awaiting;
    }

    List<BrowserEvent> drain() {
        for (PendingDownload d : List.copyOf(downloads)) {
            try {
                events.add(new BrowserEvent.DownloadSaved(Downloads.save(d.download(), downloadDir()), d.tabId()));
            } catch (PlaywrightException | BrowserActionException e) {
                LOG.warn("A download from tab {} could not be saved: {}", d.tabId(), BrowserLauncher.firstLine(e.getMessage()));
            }
        }
        downloads.clear();
        List<BrowserEvent> out = new ArrayList<>();
        for (Object e : events) {
            out.add(e instanceof Opened o ? new BrowserEvent.TabOpened(o.tab().id(), o.tab().page().url(), true)
                    : (BrowserEvent) e);
        }
        events.clear();
        return out;
    }

    private Path downloadDir() {
        if (downloadDir.isEmpty()) {
            try {
                downloadDir = Optional.of(Files.createTempDirectory("skyvern-downloads"));
            } catch (IOException e) {
                throw new BrowserActionException("Cannot create a download directory: " + e.getMessage(), e);
            }
        }
        return downloadDir.get();
    }

    private Tab add(Page p) {
        Tab t = new Tab("t" + (++nextId), p);
        tabs.put(t.id(), t);
        byPage.put(p, t);
        p.onClose(this::closedByPage);
        p.onDialog(d -> events.add(dialogs.answer(d)));
        p.onDownload(d -> {
            if (!downloadAwaited) {
                downloads.add(new PendingDownload(d, t.id()));
            }
        });
        return t;
    }

    private void opened(Page p) {
        if (byPage.containsKey(p)) {
            return;
        }
        Tab t = add(p);
        use(t);
        events.add(new Opened(t));
    }

    private void closedByPage(Page p) {
        Tab t = byPage.get(p);
        if (t == null) {
            return;
        }
        forget(t);
        events.add(new BrowserEvent.TabClosed(t.id(), current == null ? "" : current.id()));
    }

    private void forget(Tab t) {
        tabs.remove(t.id());
        byPage.remove(t.page());
        if (t == current) {
            current = tabs.values().stream().max(Comparator.comparingLong(x -> x.lastUsed)).orElse(null);
        }
    }

    private void use(Tab t) {
        t.lastUsed = ++clock;
        current = t;
    }

    private Tab find(String tabId) {
        Tab t = tabs.get(tabId);
        if (t == null) {
            throw new BrowserActionException("No open tab " + tabId + "; open tabs: " + String.join(", ", tabs.keySet()));
        }
        return t;
    }
}
