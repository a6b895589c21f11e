package io.skyvern.script;

import io.skyvern.agent.ScriptStep;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One version of a script: the steps a run took, recorded from {@code taskId} (null when unknown). */
public record ScriptVersion(String scriptId, int version, String taskId, List<ScriptStep> steps, Instant createdAt) {
    public ScriptVersion {
        Objects.requireNonNull(scriptId, "scriptId");
        steps = List.copyOf(steps);
    }
}
