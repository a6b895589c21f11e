package io.skyvern.artifact;

import java.util.Objects;

/**
 * A request to record an artifact: what it belongs to (a task and optionally a step, or a
 * workflow run and optionally a block run), its type and its bytes. A file name may be given for
 * downloads; otherwise the type decides the extension.
 */
public record NewArtifact(String organizationId, String taskId, String stepId, String workflowRunId,
                          String workflowRunBlockId, ArtifactType type, byte[] bytes, String fileName) {
    public NewArtifact {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bytes, "bytes");
        if (taskId == null && workflowRunId == null) {
            throw new IllegalArgumentException("an artifact belongs to a task or a workflow run");
        }
    }

    public static NewArtifact forStep(String organizationId, String taskId, String stepId,
                                      ArtifactType type, byte[] bytes) {
        return new NewArtifact(organizationId, taskId, stepId, null, null, type, bytes, null);
    }

    public static NewArtifact forWorkflowRun(String organizationId, String workflowRunId, String blockRunId,
                                             ArtifactType type, byte[] bytes) {
        return new NewArtifact(organizationId, null, null, workflowRunId, blockRunId, type, bytes, null);
    }

    public NewArtifact withFileName(String name) {
        return new NewArtifact(organizationId, taskId, stepId, workflowRunId, workflowRunBlockId, type, bytes, name);
    }

    /** The run whose folder holds the file: the task, else the workflow run. */
    public String runId() {
        return taskId != null ? taskId : workflowRunId;
    }
}
