package io.skyvern.browser;

import java.util.Objects;

/**
 * One open page ("tab") of a session, as the prompt lists it.
 *
 * @param tabId   a short id the model can name ({@code t1}, {@code t2}, …), stable for the tab's life
 * @param url     its current URL
 * @param title   its document title
 * @param current whether actions go to this tab now
 */
public record TabInfo(String tabId, String url, String title, boolean current) {
    public TabInfo {
        Objects.requireNonNull(tabId, "tabId");
        url = url == null ? "" : url;
        title = title == null ? "" : title;
    }
}
