package io.skyvern.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One isolated browser context with its pages ("tabs"), used by one run at a time. Actions go to
 * the current tab; a page the context opens ({@code target=_blank}, {@code window.open}) becomes
 * the current tab, and {@link #drainEvents()} says so.
 *
 * <p>Actions take the element ids of the latest {@link #snapshot()} ({@code e12}, or {@code f1e3}
 * for an element inside an iframe). Every action failure (unknown id, timeout, wrong element kind)
 * is a {@link BrowserActionException} whose message can go straight back to the model. Using a
 * closed session throws {@link io.skyvern.common.SkyvernException} with
 * {@code BROWSER_SESSION_CLOSED}.
 *
 * <p>Thread-safety: a session may be called from any thread, but calls are serialised; it is
 * meant for one run at a time.
 */
public interface BrowserSession extends AutoCloseable {

    /** Opens {@code url} in the current tab and waits (bounded) for it to settle, as a snapshot would. */
    default void navigate(String url) {
        navigate(url, true);
    }

    /**
     * Opens {@code url} in the current tab; with {@code settle} false it returns once the page has
     * loaded, without waiting for it to settle (a replay looks for each element as it appears).
     */
    void navigate(String url, boolean settle);

    /** Waits (bounded) until the current tab settles: the wait a snapshot makes first. */
    void settle();

    String currentUrl();

    String title();

    /**
     * Waits (bounded) until the current tab settles (DOM quiet, network idle), then gives ids to the
     * interactable elements of every frame and collects the visible element tree.
     */
    PageSnapshot snapshot();

    /** A cheap look at the current tab for the page-change guard (no settling, no ids given). */
    PageState pageState();

    /** A PNG of the viewport. */
    byte[] screenshot();

    void click(String elementId);

    /** Replaces the content of a text field. */
    void fill(String elementId, String text);

    void selectOption(String elementId, OptionChoice choice);

    void setChecked(String elementId, boolean checked);

    void uploadFile(String elementId, Path file);

    /** Clicks the element, waits for the download it starts and saves it in {@code dir}; returns the file. */
    Path download(String elementId, Path dir);

    void hover(String elementId);

    /** Scrolls the page by this many pixels (mouse wheel). */
    void scroll(int dx, int dy);

    /** Scrolls the scrollable container {@code elementId} (or the element into view and then its nearest scrollable ancestor). */
    void scrollElement(String elementId, int dx, int dy);

    /** Scrolls by most of a viewport in a direction. */
    default void scroll(ScrollDirection direction) {
        switch (direction) {
            case UP -> scroll(0, -600);
            case DOWN -> scroll(0, 600);
            case LEFT -> scroll(-600, 0);
            case RIGHT -> scroll(600, 0);
        }
    }

    /** Presses keys on the focused element, e.g. {@code Enter} or {@code Control+A}. */
    void press(String keys);

    /** Focuses {@code elementId}, then presses keys on it. */
    void press(String elementId, String keys);

    /** The open tabs, the current one marked. */
    java.util.List<TabInfo> tabs();

    /** Makes {@code tabId} the current tab (and brings it to the front). */
    void switchTab(String tabId);

    /** Closes {@code tabId}; when it was the current tab, the most recently used other tab becomes current. */
    void closeTab(String tabId);

    /** What happened since the last call (tabs opened, dialogs answered, downloads saved), oldest first. */
    java.util.List<BrowserEvent> drainEvents();

    /** How to answer the next dialog, once; after it the default ({@link DialogResponse#DEFAULT}) applies again. */
    void answerNextDialog(DialogResponse response);

    void goBack();

    /** Waits without holding the browser (other sessions keep working). */
    void waitFor(Duration duration);

    /**
     * Runs JavaScript in the page as the body of an (async) function whose parameters are the keys
     * of {@code args}; returns its result converted through JSON (Map, List, String, Number,
     * Boolean, or null).
     */
    Object evaluate(String functionBody, Map<String, Object> args);

    /**
     * How to find element {@code elementId} of the latest snapshot again on a later load of the page
     * (replay); empty when this session cannot say.
     */
    default java.util.Optional<ElementDescriptor> describe(String elementId) {
        return java.util.Optional.empty();
    }

    /**
     * The action id of the one element of the current tab that {@code descriptor} names (usable by
     * {@link #click} and the other actions until the next snapshot); empty when no element, or more
     * than one, matches.
     */
    default java.util.Optional<String> find(ElementDescriptor descriptor) {
        return java.util.Optional.empty();
    }

    /**
     * The elements with an id that are on screen now (top document), with their boxes, for the
     * set-of-marks screenshot; empty when the page cannot say.
     */
    java.util.List<ElementBox> visibleBoxes();

    /**
     * The full href of the link with this element id in the top frame (the prompt shows long links
     * cut, goto_url follows them by id); empty when there is no such link.
     */
    java.util.Optional<String> linkTarget(String elementId);

    /**
     * Starts a live JPEG feed of the current tab, for a viewer; the run goes on undisturbed.
     * Sessions that cannot stream answer UNSUPPORTED.
     */
    default Screencast screencast(ScreencastOptions options) {
        throw new io.skyvern.common.SkyvernException(io.skyvern.common.ErrorCode.RUN_NOT_RUNNING,
                "This browser session cannot stream a live view");
    }

    /** Whether the session, its page or its browser has gone. */
    boolean closed();

    /** Closes the context (saving storage of a persistent session). Idempotent. */
    @Override
    void close();
}
