package io.skyvern.task;

import io.skyvern.artifact.Artifact;
import io.skyvern.runlog.RunLog;

import java.util.List;

/** A task with the related records asked for by {@link TaskIncludes} (others are empty lists). */
public record TaskDetails(Task task, List<StepDetails> steps, List<Artifact> artifacts, List<RunLog> logs) {
    public TaskDetails {
        steps = List.copyOf(steps);
        artifacts = List.copyOf(artifacts);
        logs = List.copyOf(logs);
    }
}
