package io.skyvern.browser.playwright;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import io.skyvern.browser.BrowserActionException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the element behind an id of the snapshot in the current tab: {@code e12} in the main
 * document, {@code f1e3} in the frame the snapshot called {@code f1} (same- or cross-origin, at any
 * depth). CSS locators pierce open shadow roots, so shadow elements need nothing special. When the
 * frame is no longer known under its id (re-created), every frame is searched. Lane thread only.
 */
final class ElementLocator {
    private static final Pattern ID = Pattern.compile("(f\\d+)?e\\d+");

    private ElementLocator() {
    }

    static Locator locate(Tab tab, String elementId) {
        Matcher m = ID.matcher(elementId == null ? "" : elementId);
        if (!m.matches()) {
            throw noSuch(elementId);
        }
        String selector = "[data-skyvern-id=\"" + elementId + "\"]";
        Optional<Frame> frame = m.group(1) == null ? Optional.of(tab.page().mainFrame()) : tab.frame(m.group(1));
        if (frame.isPresent()) {
            Locator l = frame.get().locator(selector);
            if (l.count() > 0) {
                return l.first();
            }
        }
        for (Frame f : tab.page().frames()) {
            if (!f.isDetached()) {
                Locator l = f.locator(selector);
                if (l.count() > 0) {
                    return l.first();
                }
            }
        }
        throw noSuch(elementId);
    }

    static BrowserActionException noSuch(String elementId) {
        return new BrowserActionException("No element with id " + elementId + " on the page");
    }
}
