package io.skyvern.agent;

import java.util.Locale;
import java.util.Optional;

/** The action types of the LLM contract, with their wire names ({@code input_text}, …). */
public enum ActionType {
    CLICK, INPUT_TEXT, SELECT_OPTION, CHECK, UNCHECK, UPLOAD_FILE, DOWNLOAD_FILE, HOVER, SCROLL, KEYPRESS,
    GOTO_URL, GO_BACK, WAIT, EXTRACT, COMPLETE, TERMINATE, SWITCH_TAB, CLOSE_TAB, HANDLE_DIALOG, INVALID;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name leniently (case, dashes and spaces ignored); empty for unknown names. */
    public static Optional<ActionType> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normalized.equals("TYPE") || normalized.equals("FILL") || normalized.equals("INPUT")) {
            return Optional.of(INPUT_TEXT);
        }
        if (normalized.equals("SELECT")) {
            return Optional.of(SELECT_OPTION);
        }
        if (normalized.equals("KEY_PRESS") || normalized.equals("PRESS")) {
            return Optional.of(KEYPRESS);
        }
        if (normalized.equals("NAVIGATE") || normalized.equals("GOTO")) {
            return Optional.of(GOTO_URL);
        }
        if (normalized.equals("DIALOG")) {
            return Optional.of(HANDLE_DIALOG);
        }
        try {
            ActionType type = valueOf(normalized);
            return type == INVALID ? Optional.empty() : Optional.of(type);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
