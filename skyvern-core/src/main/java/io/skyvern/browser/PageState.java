package io.skyvern.browser;

import java.util.Objects;

/**
 * A cheap look at the current tab, for the agent's page-change guard: after each action it compares
 * this with the state before, and stops the rest of the step's planned actions when the tab, the URL
 * or the document changed, or when interactable elements appeared that the latest snapshot did not
 * give ids to (a menu opened): the model planned against a page that is no longer there.
 *
 * @param tabId              the current tab
 * @param url                the current tab's URL
 * @param documentId         an id of the current document, new at each navigation or reload
 * @param unseenInteractables visible interactable elements (any frame) that have no snapshot id yet
 */
public record PageState(String tabId, String url, String documentId, int unseenInteractables) {
    public PageState {
        Objects.requireNonNull(tabId, "tabId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(documentId, "documentId");
    }
}
