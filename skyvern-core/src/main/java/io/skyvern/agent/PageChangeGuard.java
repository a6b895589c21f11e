package io.skyvern.agent;

import io.skyvern.browser.PageState;

import java.util.Optional;

/**
 * Decides whether the page moved under the model's plan. The model plans a step's actions against
 * one snapshot; once an action navigates, opens a tab or opens a menu, the ids and the layout that
 * the rest of the plan names may be gone or mean something else, so the loop stops the step there
 * and looks again (browser-use's multi-act does the same). Pure and thread-safe.
 */
public final class PageChangeGuard {

    /** Why the page the plan was made for is gone, or empty when it is still the same page. */
    public Optional<String> change(PageState before, PageState after) {
        if (!before.tabId().equals(after.tabId())) {
            return Optional.of("the current tab changed to " + after.tabId());
        }
        if (!sameUrl(before.url(), after.url())) {
            return Optional.of("the page changed to " + after.url());
        }
        if (!before.documentId().equals(after.documentId())) {
            return Optional.of("the page reloaded");
        }
        if (after.unseenInteractables() > before.unseenInteractables()) {
            int appeared = after.unseenInteractables() - before.unseenInteractables();
            return Optional.of(appeared + " new element(s) appeared (a menu or dialog may have opened)");
        }
        return Optional.empty();
    }

    /** A change of the fragment alone (an in-page anchor) keeps the document and the plan. */
    private static boolean sameUrl(String a, String b) {
        return stripFragment(a).equals(stripFragment(b));
    }

    private static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
