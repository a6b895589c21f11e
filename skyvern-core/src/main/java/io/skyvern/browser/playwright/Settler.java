package io.skyvern.browser.playwright;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.LoadState;
import io.skyvern.browser.SettleReport;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Waits, bounded, until a page has settled before the agent reads it: loaded, no DOM change for
 * {@link #QUIET_MS} and no request of the context in flight. Components that render after
 * {@code load} and overlays that appear a moment later are then in the snapshot.
 *
 * <p>How it knows: an init script (run in every document before the page's own scripts) keeps the
 * time of the last DOM mutation in the window, ignoring the snapshot's own {@code data-skyvern-*}
 * attributes, and gives each document a random id (the page-change guard's document id). Requests
 * are counted from Playwright's request events; event streams and requests older than
 * {@link #LONG_LIVED_MS} (long polls) do not count. On a static page the whole wait is one small
 * evaluate. Lane thread only.
 */
final class Settler {
    static final long QUIET_MS = 200;
    static final long LONG_LIVED_MS = 5_000;
    private static final long POLL_MS = 40;

    /** Installed with {@code BrowserContext.addInitScript}: runs in every frame of every page. */
    static final String INIT_SCRIPT = """
            (() => {
              if (window.__skyvernDocId) return;
              window.__skyvernDocId = Math.random().toString(36).slice(2) + Date.now().toString(36);
              window.__skyvernLastMutation = performance.now();
              new MutationObserver((records) => {
                for (const r of records) {
                  if (r.type === 'attributes' && r.attributeName && r.attributeName.startsWith('data-skyvern')) continue;
                  window.__skyvernLastMutation = performance.now();
                  return;
                }
              }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
            })();
            """;
    private static final String SINCE_MUTATION =
            "() => window.__skyvernLastMutation === undefined ? -1 : performance.now() - window.__skyvernLastMutation";

    private final long budgetMs;
    private final Map<Request, Long> inFlight = new IdentityHashMap<>();

    Settler(BrowserContext context, long budgetMs) {
        this.budgetMs = budgetMs;
        context.addInitScript(INIT_SCRIPT);
        context.onRequest(r -> {
            String type = r.resourceType();
            if (!"eventsource".equals(type) && !"websocket".equals(type)) {
                inFlight.put(r, System.nanoTime());
            }
        });
        context.onRequestFinished(inFlight::remove);
        context.onRequestFailed(inFlight::remove);
    }

    /**
     * Whether a snapshot just read can stand without waiting: the page is loaded, its DOM had been
     * quiet for {@link #QUIET_MS} when read ({@code sinceMutationMs}) and no request is in flight.
     * This way a static page pays no round trip for settling at all.
     */
    boolean settledAlready(Page page, double sinceMutationMs) {
        if (budgetMs <= 0) {
            return true;
        }
        return (sinceMutationMs < 0 || sinceMutationMs >= QUIET_MS) && requestsInFlight() == 0 && loaded(page, 1);
    }

    /** Waits until {@code page} settles or the budget is spent; says how long and for what. */
    SettleReport settle(Page page) {
        if (budgetMs <= 0) {
            return SettleReport.NONE;
        }
        long start = System.nanoTime();
        long deadline = start + budgetMs * 1_000_000;
        Set<String> waited = new LinkedHashSet<>();
        try {
            if (!loaded(page, budgetMs) || System.nanoTime() - start > 5_000_000) {
                waited.add("load");
            }
            while (true) {
                double since = ((Number) page.evaluate(SINCE_MUTATION)).doubleValue();
                int requests = requestsInFlight();
                boolean domQuiet = since < 0 || since >= QUIET_MS;
                if (domQuiet && requests == 0) {
                    return report(start, waited.isEmpty() ? "nothing" : String.join(", ", waited) + " done");
                }
                if (System.nanoTime() >= deadline) {
                    return report(start, "timed out: " + (domQuiet ? "" : "dom still changing")
                            + (domQuiet || requests == 0 ? "" : ", ") + (requests == 0 ? "" : requests + " requests in flight"));
                }
                waited.add(domQuiet ? "network" : "dom quiet");
                long sleep = domQuiet ? POLL_MS : Math.max(5, Math.min(POLL_MS, QUIET_MS - (long) since));
                page.waitForTimeout(Math.min(sleep, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (PlaywrightException e) {
            // Navigating away mid-wait destroys the context: the snapshot will wait for the new page.
            return report(start, "interrupted: " + BrowserLauncher.firstLine(e.getMessage()));
        }
    }

    private static boolean loaded(Page page, long timeoutMs) {
        try {
            page.waitForLoadState(LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(timeoutMs));
            return true;
        } catch (PlaywrightException e) {
            return false;
        }
    }

    private int requestsInFlight() {
        long now = System.nanoTime();
        inFlight.values().removeIf(t -> now - t > LONG_LIVED_MS * 1_000_000);
        return inFlight.size();
    }

    private static SettleReport report(long start, String what) {
        return new SettleReport((System.nanoTime() - start) / 1_000_000, what);
    }
}
