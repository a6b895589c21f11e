package io.skyvern.server.script;

import java.util.List;

/**
 * How a task ran with respect to scripts: its run mode and cache key (null: derived), the script and
 * version it used or recorded (null until its run ends), and each step's mode
 * ({@code agent}, {@code replayed} or {@code healed}).
 */
public record TaskScriptResponse(String taskId, String runMode, String cacheKey, String scriptId,
                                 Integer scriptVersion, List<StepMode> steps) {
    /** The mode of one step. */
    public record StepMode(String stepId, int order, String mode) {
    }
}
