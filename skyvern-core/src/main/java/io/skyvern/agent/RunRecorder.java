package io.skyvern.agent;

import io.skyvern.artifact.ArtifactType;

/**
 * Where the loop leaves its records: steps, actions, artifacts and log lines. Everything handed
 * over here is already redacted (no real secret values). Implementations persist them (steps and
 * actions tables, the artifact store); tests may collect them.
 */
public interface RunRecorder {
    /** Starts step {@code order} (1-based) on {@code url}; returns the step id. */
    String startStep(int order, String url);

    void action(String stepId, int order, Action action, ActionOutcome outcome);

    void artifact(String stepId, ArtifactType type, byte[] content);

    /** Ends a step: completed when its actions ran (even if some failed), failed when it could not. */
    void finishStep(String stepId, StepResult result);

    void log(String level, String message);
}
