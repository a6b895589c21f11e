package io.skyvern.task;

import io.skyvern.artifact.Artifact;

import java.util.List;

/** A step with its actions and screenshots when they were asked for (else empty lists). */
public record StepDetails(Step step, List<ActionRecord> actions, List<Artifact> screenshots) {
    public StepDetails {
        actions = List.copyOf(actions);
        screenshots = List.copyOf(screenshots);
    }
}
