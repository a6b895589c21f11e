package io.skyvern.browser;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something the page did on its own while the agent acted: opened a tab, showed a dialog, started a
 * download in another tab. The session collects them as they happen; the agent drains them after
 * each action ({@link BrowserSession#drainEvents()}), reports them in the action's result and shows
 * them in the next prompt.
 */
public sealed interface BrowserEvent {

    /** A short sentence for the model and the run log. */
    String describe();

    /** A page opened in the session's context; {@code followed} when it became the current tab. */
    record TabOpened(String tabId, String url, boolean followed) implements BrowserEvent {
        public TabOpened {
            Objects.requireNonNull(tabId, "tabId");
            url = url == null ? "" : url;
        }

        @Override
        public String describe() {
            return "a new tab " + tabId + " opened (" + url + ")" + (followed ? " and is now the current tab" : "");
        }
    }

    /** A tab closed by the page itself (or by {@code close_tab}); {@code nowCurrent} is the tab actions go to now. */
    record TabClosed(String tabId, String nowCurrent) implements BrowserEvent {
        public TabClosed {
            Objects.requireNonNull(tabId, "tabId");
            nowCurrent = nowCurrent == null ? "" : nowCurrent;
        }

        @Override
        public String describe() {
            return "tab " + tabId + " closed" + (nowCurrent.isEmpty() ? "" : "; the current tab is " + nowCurrent);
        }
    }

    /**
     * A JavaScript dialog ({@code alert}, {@code confirm}, {@code prompt}, {@code beforeunload}) and how
     * it was answered: {@code accepted} or dismissed, with the text typed into a prompt, if any.
     */
    record DialogShown(String dialogType, String message, boolean accepted, String promptText) implements BrowserEvent {
        public DialogShown {
            Objects.requireNonNull(dialogType, "dialogType");
            message = message == null ? "" : message;
            promptText = promptText == null ? "" : promptText;
        }

        @Override
        public String describe() {
            return "a " + dialogType + " dialog said \"" + message + "\" and was " + (accepted ? "accepted" : "dismissed")
                    + (promptText.isEmpty() ? "" : " with the text \"" + promptText + "\"");
        }
    }

    /** A download that started without a download action (e.g. from another tab), saved to {@code file}. */
    record DownloadSaved(Path file, String tabId) implements BrowserEvent {
        public DownloadSaved {
            Objects.requireNonNull(file, "file");
            tabId = tabId == null ? "" : tabId;
        }

        @Override
        public String describe() {
            return "a download was saved: " + file.getFileName();
        }
    }
}
