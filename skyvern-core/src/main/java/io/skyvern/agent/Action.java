package io.skyvern.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * One action the model asked for. A closed set: the executor switches over it exhaustively.
 * {@link Invalid} stands for an action the model described badly (unknown type, missing element
 * id); it is not executed but reported back to the model as a failed action in the next step.
 */
public sealed interface Action {
    ActionType type();

    /** The model's reason for the action, shown in progress output and step records. */
    String reasoning();

    /** Actions that act on an element of the page snapshot. */
    sealed interface OnElement extends Action {
        String elementId();
    }

    record Click(String elementId, String reasoning) implements OnElement {
        public Click { Objects.requireNonNull(elementId); }
        public ActionType type() { return ActionType.CLICK; }
    }

    /** {@code text} may hold secret placeholders; they are substituted only when typed. */
    record InputText(String elementId, String text, String reasoning) implements OnElement {
        public InputText { Objects.requireNonNull(elementId); Objects.requireNonNull(text); }
        public ActionType type() { return ActionType.INPUT_TEXT; }
    }

    record SelectOption(String elementId, OptionChoice option, String reasoning) implements OnElement {
        public SelectOption { Objects.requireNonNull(elementId); Objects.requireNonNull(option); }
        public ActionType type() { return ActionType.SELECT_OPTION; }
    }

    record Check(String elementId, boolean checked, String reasoning) implements OnElement {
        public Check { Objects.requireNonNull(elementId); }
        public ActionType type() { return checked ? ActionType.CHECK : ActionType.UNCHECK; }
    }

    /** {@code file} names a file the task's payload offers (a path or a payload key). */
    record UploadFile(String elementId, String file, String reasoning) implements OnElement {
        public UploadFile { Objects.requireNonNull(elementId); Objects.requireNonNull(file); }
        public ActionType type() { return ActionType.UPLOAD_FILE; }
    }

    record DownloadFile(String elementId, String reasoning) implements OnElement {
        public DownloadFile { Objects.requireNonNull(elementId); }
        public ActionType type() { return ActionType.DOWNLOAD_FILE; }
    }

    record Hover(String elementId, String reasoning) implements OnElement {
        public Hover { Objects.requireNonNull(elementId); }
        public ActionType type() { return ActionType.HOVER; }
    }

    /**
     * Scroll up or down by a number of pixels: the page, or the scrollable container
     * {@code elementId} when one is named (null: the page).
     */
    record Scroll(String direction, int pixels, String elementId, String reasoning) implements Action {
        public Scroll(String direction, int pixels, String reasoning) {
            this(direction, pixels, null, reasoning);
        }

        public ActionType type() { return ActionType.SCROLL; }

        public Optional<String> target() { return Optional.ofNullable(elementId); }
    }

    /**
     * Keys in Playwright notation, e.g. {@code Enter} or {@code Control+A}, pressed on
     * {@code elementId} (focused first) or, when it is null, on whatever has the focus.
     */
    record KeyPress(String keys, String elementId, String reasoning) implements Action {
        public KeyPress { Objects.requireNonNull(keys); }

        public KeyPress(String keys, String reasoning) {
            this(keys, null, reasoning);
        }

        public ActionType type() { return ActionType.KEYPRESS; }

        public Optional<String> target() { return Optional.ofNullable(elementId); }
    }

    /** Make the tab {@code tabId} (as the prompt lists them: t1, t2…) the one actions go to. */
    record SwitchTab(String tabId, String reasoning) implements Action {
        public SwitchTab { Objects.requireNonNull(tabId); }
        public ActionType type() { return ActionType.SWITCH_TAB; }
    }

    /** Close the tab {@code tabId}. */
    record CloseTab(String tabId, String reasoning) implements Action {
        public CloseTab { Objects.requireNonNull(tabId); }
        public ActionType type() { return ActionType.CLOSE_TAB; }
    }

    /**
     * Decide how the next JavaScript dialog (alert, confirm, prompt, beforeunload) is answered:
     * accept (typing {@code text} into a prompt) or dismiss. Given before the action that opens it.
     */
    record HandleDialog(boolean accept, String text, String reasoning) implements Action {
        public HandleDialog { text = text == null ? "" : text; }
        public ActionType type() { return ActionType.HANDLE_DIALOG; }
    }

    /** Opens {@code url}, or when it is empty the full href of the link {@code linkId} (the prompt may show it cut). */
    record GotoUrl(String url, String linkId, String reasoning) implements Action {
        public GotoUrl {
            Objects.requireNonNull(url);
            linkId = linkId == null ? "" : linkId;
        }
        public GotoUrl(String url, String reasoning) { this(url, "", reasoning); }
        public ActionType type() { return ActionType.GOTO_URL; }
    }

    record GoBack(String reasoning) implements Action {
        public ActionType type() { return ActionType.GO_BACK; }
    }

    record Wait(double seconds, String reasoning) implements Action {
        public ActionType type() { return ActionType.WAIT; }
    }

    /** Run the data extraction on the current page now. */
    record Extract(String reasoning) implements Action {
        public ActionType type() { return ActionType.EXTRACT; }
    }

    /** The goal is met. */
    record Complete(String reasoning) implements Action {
        public ActionType type() { return ActionType.COMPLETE; }
    }

    /** The goal cannot be met; {@code errorCode} is one of the task's error_code_mapping keys or null. */
    record Terminate(String reason, String errorCode, String reasoning) implements Action {
        public Terminate { Objects.requireNonNull(reason); }
        public ActionType type() { return ActionType.TERMINATE; }
    }

    /** An action the model described badly; fed back as a failure, never executed. */
    record Invalid(String rawType, String problem, String reasoning) implements Action {
        public Invalid { Objects.requireNonNull(problem); }
        public ActionType type() { return ActionType.INVALID; }
    }
}
