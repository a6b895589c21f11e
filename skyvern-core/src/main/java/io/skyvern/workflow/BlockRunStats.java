package io.skyvern.workflow;

import java.util.Objects;

/** How often one block of a workflow ran (over all its runs) and how often it failed. */
public record BlockRunStats(String blockId, String blockType, long runs, long failures) {
    public BlockRunStats {
        Objects.requireNonNull(blockId, "blockId");
        Objects.requireNonNull(blockType, "blockType");
    }
}
