package io.skyvern.browser.playwright;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.LoadState;
import io.skyvern.browser.SettleReport;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Waits, bounded, until a page has settled before the agent reads it: loaded, no DOM change for
 * {@link #QUIET_MS}, no request of the context in flight and no short CSS transition or animation
 * running. Components that render after {@code load} and overlays that appear a moment later are
 * then in the snapshot, and one that is fading out is gone from it (a consent banner still fading
 * after its button was clicked would otherwise be read, and clicked again, once it is hidden).
 *
 * <p>How it knows: an init script (run in every document before the page's own scripts) keeps the
 * time of the last DOM mutation in the window, ignoring the snapshot's own {@code data-skyvern-*}
 * attributes, and gives each document a random id (the page-change guard's document id). Requests
 * are counted from Playwright's request events; event streams and requests older than
 * {@link #LONG_LIVED_MS} (long polls) do not count. Animations count only when finite and ending
 * within {@link #SHORT_ANIMATION_MS} (fades and slides; spinners and carousels loop forever). On a
 * static page the whole wait is one small evaluate. Lane thread only.
 */
final class Settler {
    static final long QUIET_MS = 200;
    static final long LONG_LIVED_MS = 5_000;
    static final long SHORT_ANIMATION_MS = 1_500;
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
    /**
     * How long ago the DOM last changed and how long the longest short running animation still
     * has to go; also part of the snapshot's answer (the same expression, see snapshot.js).
     */
    private static final String QUIET_STATE = """
            () => {
              const since = window.__skyvernLastMutation === undefined ? -1 : performance.now() - window.__skyvernLastMutation;
              let left = 0;
              if (document.getAnimations) {
                for (const a of document.getAnimations()) {
                  if (a.playState !== 'running' || !a.effect) continue;
                  const t = a.effect.getComputedTiming();
                  const rest = t.endTime - (t.localTime || 0);
                  if (isFinite(rest) && rest > 0 && rest <= %d) left = Math.max(left, rest);
                }
              }
              return [since, left];
            }""".formatted(SHORT_ANIMATION_MS);

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
     * quiet for {@link #QUIET_MS} when read ({@code sinceMutationMs}), nothing was animating
     * ({@code animatingMs}) and no request is in flight. This way a static page pays no round trip
     * for settling at all.
     */
    boolean settledAlready(Page page, double sinceMutationMs, double animatingMs) {
        if (budgetMs <= 0) {
            return true;
        }
        return (sinceMutationMs < 0 || sinceMutationMs >= QUIET_MS) && animatingMs <= 0 && requestsInFlight() == 0
                && loaded(page, 1);
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
                List<?> state = (List<?>) page.evaluate(QUIET_STATE);
                double since = ((Number) state.get(0)).doubleValue();
                double animating = ((Number) state.get(1)).doubleValue();
                int requests = requestsInFlight();
                boolean domQuiet = since < 0 || since >= QUIET_MS;
                if (domQuiet && requests == 0 && animating <= 0) {
                    return report(start, waited.isEmpty() ? "nothing" : String.join(", ", waited) + " done");
                }
                if (System.nanoTime() >= deadline) {
                    return report(start, "timed out: " + stillBusy(domQuiet, requests, animating));
                }
                waited.add(!domQuiet ? "dom quiet" : requests > 0 ? "network" : "animations");
                long sleep = !domQuiet ? Math.max(5, Math.min(POLL_MS, QUIET_MS - (long) since))
                        : requests > 0 ? POLL_MS : Math.max(5, Math.min(4 * POLL_MS, (long) animating + 5));
                page.waitForTimeout(Math.min(sleep, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (PlaywrightException e) {
            // Navigating away mid-wait destroys the context: the snapshot will wait for the new page.
            return report(start, "interrupted: " + BrowserLauncher.firstLine(e.getMessage()));
        }
    }

    private static String stillBusy(boolean domQuiet, int requests, double animating) {
        List<String> busy = new ArrayList<>();
        if (!domQuiet) {
            busy.add("dom still changing");
        }
        if (requests > 0) {
            busy.add(requests + " requests in flight");
        }
        if (animating > 0) {
            busy.add("animations running");
        }
        return String.join(", ", busy);
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
