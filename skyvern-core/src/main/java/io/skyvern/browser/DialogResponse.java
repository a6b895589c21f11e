package io.skyvern.browser;

/**
 * How to answer the next JavaScript dialog: accept (with {@code promptText} for a {@code prompt()})
 * or dismiss. Without one, a session answers by its documented default: {@link #DEFAULT}.
 */
public record DialogResponse(boolean accept, String promptText) {
    /**
     * The default: accept. An {@code alert} has only OK; a {@code confirm} or {@code beforeunload}
     * is the page asking to do what the model just asked for (a click on "Delete", leaving a page);
     * a {@code prompt} keeps its default value. The model can choose otherwise with
     * {@code handle_dialog} before the action that opens the dialog.
     */
    public static final DialogResponse DEFAULT = new DialogResponse(true, null);

    public DialogResponse {
        promptText = promptText == null ? "" : promptText;
    }
}
