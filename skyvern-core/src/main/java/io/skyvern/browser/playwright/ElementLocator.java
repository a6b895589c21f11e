package io.skyvern.browser.playwright;

import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.skyvern.browser.BrowserActionException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the element behind an id of the snapshot: {@code e12} in the main document, {@code f1e3}
 * in the iframe the snapshot marked {@code data-skyvern-frame="f1"}. CSS locators pierce open
 * shadow roots, so shadow elements need nothing special. Lane thread only.
 */
final class ElementLocator {
    private static final Pattern ID = Pattern.compile("(f\\d+)?e\\d+");

    private ElementLocator() {
    }

    static Locator locate(Page page, String elementId) {
        Matcher m = ID.matcher(elementId == null ? "" : elementId);
        if (!m.matches()) {
            throw noSuch(elementId);
        }
        Frame frame = m.group(1) == null ? page.mainFrame() : frame(page, m.group(1), elementId);
        Locator locator = frame.locator("[data-skyvern-id=\"" + elementId + "\"]");
        if (locator.count() == 0) {
            throw noSuch(elementId);
        }
        return locator.first();
    }

    private static Frame frame(Page page, String frameId, String elementId) {
        for (Frame f : page.frames()) {
            if (f == page.mainFrame() || f.isDetached()) {
                continue;
            }
            ElementHandle owner = f.frameElement();
            try {
                if (frameId.equals(owner.getAttribute("data-skyvern-frame"))) {
                    return f;
                }
            } finally {
                owner.dispose();
            }
        }
        throw noSuch(elementId);
    }

    static BrowserActionException noSuch(String elementId) {
        return new BrowserActionException("No element with id " + elementId + " on the page");
    }
}
