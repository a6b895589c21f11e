package io.skyvern.workflow.block;

import java.util.Arrays;
import java.util.Optional;

/** The block types of the definition, with their wire names. */
public enum BlockType {
    NAVIGATION("navigation"),
    TASK("task"),
    EXTRACTION("extraction"),
    LOOP("loop"),
    CONDITION("condition"),
    CODE("code"),
    WAIT("wait"),
    HTTP_REQUEST("http_request"),
    TEXT_PROMPT("text_prompt"),
    LOGIN("login");

    private final String wireName;

    BlockType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<BlockType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** Whether blocks of this type need a browser page. */
    public boolean needsBrowser() {
        return this == NAVIGATION || this == TASK || this == EXTRACTION || this == CODE || this == LOGIN;
    }
}
