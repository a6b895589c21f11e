package io.skyvern.task;

import io.skyvern.artifact.ArtifactMetadataRepository;
import io.skyvern.runlog.RunLogRepository;

import java.util.Objects;

/** The repositories the task service reads and writes, bundled to keep its constructor short. */
public record TaskRepositories(TaskRepository tasks, StepRepository steps, ActionRepository actions,
                               ArtifactMetadataRepository artifacts, RunLogRepository logs) {
    public TaskRepositories {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(artifacts, "artifacts");
        Objects.requireNonNull(logs, "logs");
    }
}
