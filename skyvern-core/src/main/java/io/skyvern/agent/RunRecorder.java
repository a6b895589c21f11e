package io.skyvern.agent;

import io.skyvern.artifact.ArtifactType;

/**
 * Where the loop leaves its records: steps, actions, artifacts and log lines. Everything handed
 * over here is already redacted (no real secret values). Implementations persist them (steps and
 * actions tables, the artifact store); tests may collect them.
 */
public interface RunRecorder {
    /**
     * How many steps earlier attempts of this run already took (a run taken over from a worker that
     * died); the loop numbers its steps after them and counts them against {@code max_steps}, so the
     * prompt's "Step N" and the recorded step order agree across attempts. Asked once per run.
     */
    default int stepsAlreadyTaken() {
        return 0;
    }

    /** Starts step {@code order} (1-based, counting earlier attempts' steps) on {@code url}; returns the step id. */
    String startStep(int order, String url);

    void action(String stepId, int order, Action action, ActionOutcome outcome);

    void artifact(String stepId, ArtifactType type, byte[] content);

    /** Ends a step: completed when its actions ran (even if some failed), failed when it could not. */
    void finishStep(String stepId, StepResult result);

    void log(String level, String message);
}
