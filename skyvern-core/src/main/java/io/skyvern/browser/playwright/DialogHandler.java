package io.skyvern.browser.playwright;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.PlaywrightException;
import io.skyvern.browser.BrowserEvent;
import io.skyvern.browser.DialogResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every JavaScript dialog of a session's pages at once, as it opens: a page blocked on
 * an {@code alert} stops every later action, so no dialog may wait for the model. The answer is
 * the one set by {@link #answerNext} (used once), else {@link DialogResponse#DEFAULT}. A
 * {@code beforeunload} dialog shows up the same way when a navigation asks to leave a page the
 * user touched. Lane thread only (Playwright dispatches dialog events on the thread pumping it).
 */
final class DialogHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DialogHandler.class);

    private DialogResponse next = DialogResponse.DEFAULT;

    void answerNext(DialogResponse response) {
        next = response;
    }

    /** Answers {@code dialog} and says how. */
    BrowserEvent.DialogShown answer(Dialog dialog) {
        DialogResponse response = next;
        next = DialogResponse.DEFAULT;
        String typed = "";
        try {
            if (!response.accept()) {
                dialog.dismiss();
            } else if ("prompt".equals(dialog.type())) {
                typed = response.promptText().isEmpty() ? dialog.defaultValue() : response.promptText();
                dialog.accept(typed);
            } else {
                dialog.accept();
            }
        } catch (PlaywrightException e) {
            // The page went away with its dialog (tab closed, navigation): nothing left to answer.
            LOG.debug("A {} dialog could not be answered: {}", dialog.type(), BrowserLauncher.firstLine(e.getMessage()));
        }
        return new BrowserEvent.DialogShown(dialog.type(), dialog.message(), response.accept(), typed);
    }
}
