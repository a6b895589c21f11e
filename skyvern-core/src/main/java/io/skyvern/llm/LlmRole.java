package io.skyvern.llm;

import java.util.Locale;

/** Who speaks in a message. */
public enum LlmRole {
    SYSTEM, USER, ASSISTANT;

    /** The name on the wire ({@code system}, {@code user}, {@code assistant}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
