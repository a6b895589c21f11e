package io.skyvern.artifact;

import java.util.Locale;

/** What an artifact holds. */
public enum ArtifactType {
    SCREENSHOT_BEFORE, SCREENSHOT_AFTER, SCREENSHOT_FINAL, ELEMENT_TREE, HTML, LLM_PROMPT, LLM_RESPONSE,
    LLM_REQUEST, EXTRACTION, TRACE, DOWNLOAD, LOG;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isScreenshot() {
        return this == SCREENSHOT_BEFORE || this == SCREENSHOT_AFTER || this == SCREENSHOT_FINAL;
    }
}
