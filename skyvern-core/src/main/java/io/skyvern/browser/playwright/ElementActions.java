package io.skyvern.browser.playwright;

import com.microsoft.playwright.Locator;
import io.skyvern.browser.BrowserActionException;

import java.util.List;

/**
 * Clicks, checks and scrolls the way a person would, with short timeouts and messages the model
 * can act on. A click first hit-tests the element: covered by something unrelated, it fails at
 * once naming the cover; landing on the element's label, an ancestor or (for a hidden checkbox)
 * the custom control drawn over it, it clicks there; landing on the element or a child of it, a
 * click Playwright refuses as not visible goes to that child; finding nothing drawn, it fails at
 * once. Checking verifies the state changed, falling
 * back to the label's or the element's own click for inputs with no box at all. Lane thread only.
 */
final class ElementActions {
    static final double ACTION_TIMEOUT_MS = 5_000;

    private static final String CHECKED = """
            (el) => {
              const t = el.control || el;
              if (t.tagName === 'INPUT' && (t.type === 'checkbox' || t.type === 'radio')) return t.checked ? 'true' : 'false';
              const a = el.getAttribute('aria-checked');
              return a == null ? 'unknown' : String(a === 'true');
            }""";
    private static final String CLICK_LABEL_OR_SELF = """
            (el) => {
              const label = Array.from(el.labels || []).find((l) => l.getClientRects().length > 0);
              (label || el).click();
            }""";
    /**
     * Resolves after two animation frames (at most 100 ms: a hidden page draws none). A page's scroll
     * handlers run at the frame after the scroll (an infinite feed appends its next posts there, a
     * virtualised grid draws its rows), so a scroll that returns only then lets the snapshot that
     * follows see what they drew instead of racing them.
     */
    static final String NEXT_FRAMES = """
            () => new Promise((done) => {
              const t = setTimeout(done, 100);
              requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(t); done(); }));
            })""";
    private static final String SCROLL = """
            (el, d) => {
              const up = (n) => n.parentElement || (n.parentNode && n.parentNode.host) || null;
              const can = (n) => {
                const s = getComputedStyle(n);
                return (/(auto|scroll|overlay)/.test(s.overflowY) && n.scrollHeight > n.clientHeight + 1)
                  || (/(auto|scroll|overlay)/.test(s.overflowX) && n.scrollWidth > n.clientWidth + 1);
              };
              let t = el;
              while (t && !can(t)) t = up(t);
              const target = t || document.scrollingElement;
              const x = target.scrollLeft, y = target.scrollTop;
              target.scrollBy({ left: d[0], top: d[1], behavior: 'instant' });
              return target.scrollLeft !== x || target.scrollTop !== y;
            }""";

    /** The scroll, then the page's next frames, in one round trip. */
    private static final String SCROLL_THEN_NEXT_FRAMES = "async (el, d) => { const moved = (" + SCROLL + ")(el, d);"
            + " await (" + NEXT_FRAMES + ")(); return moved; }";

    private ElementActions() {
    }

    static void click(Locator l, String elementId) {
        HitTester.Hit hit = HitTester.test(l);
        switch (hit.state()) {
            case "covered" -> throw covered(elementId, hit);
            case "label", "ancestor", "sibling" -> l.click(new Locator.ClickOptions().setForce(true).setTimeout(ACTION_TIMEOUT_MS));
            case "nobox" -> {
                if (!hit.toggle()) {
                    throw notShown(elementId);  // Playwright would wait its whole timeout for it
                }
                l.evaluate(CLICK_LABEL_OR_SELF);
            }
            case "hit" -> clickOnTop(l, elementId, hit);
            default -> l.click(new Locator.ClickOptions().setTimeout(ACTION_TIMEOUT_MS));
        }
    }

    /**
     * Our hit test found the element (or a child of it) on top at the centre of what is drawn, so
     * a click there reaches it. Playwright's own checks may still refuse: an element it deems not
     * visible (no box of its own: display:contents, an inline link around blocks, a zero-size
     * wrapper) or never "stable" (a widget that keeps animating). Then the click is sent without
     * them, to the child the hit test landed on, rather than failing a click a person could make.
     */
    private static void clickOnTop(Locator l, String elementId, HitTester.Hit hit) {
        if (hit.ownBox() && l.isVisible()) {
            try {
                l.click(new Locator.ClickOptions().setTimeout(ACTION_TIMEOUT_MS));
                return;
            } catch (com.microsoft.playwright.TimeoutError e) {
                // fall through to the forced click where the hit test landed
            }
        }
        Locator target = hit.inner() ? l.locator(HitTester.MARK).first() : l;
        try {
            target.click(new Locator.ClickOptions().setForce(true).setTimeout(ACTION_TIMEOUT_MS));
        } catch (com.microsoft.playwright.PlaywrightException e) {
            if (String.valueOf(e.getMessage()).contains("not visible") || String.valueOf(e.getMessage()).contains("not attached")) {
                throw notShown(elementId);  // it went away (faded out, re-rendered) in the meantime
            }
            throw e;
        }
    }

    static void setChecked(Locator l, String elementId, boolean checked) {
        String before = String.valueOf(l.evaluate(CHECKED));
        if ("unknown".equals(before)) {
            l.setChecked(checked, new Locator.SetCheckedOptions().setTimeout(ACTION_TIMEOUT_MS));
            return;
        }
        if (before.equals(String.valueOf(checked))) {
            return;
        }
        click(l, elementId);
        if (!String.valueOf(checked).equals(l.evaluate(CHECKED))) {
            l.evaluate(CLICK_LABEL_OR_SELF);  // a click that landed but did not toggle: the input's own
        }
        if (!String.valueOf(checked).equals(l.evaluate(CHECKED))) {
            throw new BrowserActionException((checked ? "Checking " : "Unchecking ") + elementId
                    + " did not take: it is still " + (checked ? "unchecked" : "checked"));
        }
    }

    static void scroll(Locator l, String elementId, int dx, int dy) {
        Object moved = l.evaluate(SCROLL_THEN_NEXT_FRAMES, List.of(dx, dy));
        if (!Boolean.TRUE.equals(moved)) {
            throw new BrowserActionException("Scrolling " + elementId + " moved nothing: it (and the page) cannot scroll further that way");
        }
    }

    private static BrowserActionException notShown(String elementId) {
        return new BrowserActionException("Click on " + elementId + " failed: it is not shown on the page now (hidden,"
                + " emptied or removed since the page was read)");
    }

    private static BrowserActionException covered(String elementId, HitTester.Hit hit) {
        return new BrowserActionException("Click on " + elementId + " failed: covered by " + hit.cover()
                + "; close or move it first");
    }

}
