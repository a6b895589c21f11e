package io.skyvern.workflow.engine;

/** How one block run ended; {@link #wireName()} is what is stored and shown. */
public enum BlockRunStatus {
    COMPLETED, FAILED, CANCELED, TIMED_OUT;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
