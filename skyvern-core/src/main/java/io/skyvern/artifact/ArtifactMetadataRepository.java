package io.skyvern.artifact;

import java.util.List;
import java.util.Optional;

/** Artifact metadata rows. Lookups are scoped to an organisation: another's rows are not seen. */
public interface ArtifactMetadataRepository {
    void insert(Artifact artifact);

    Optional<Artifact> find(String organizationId, String artifactId);

    /** Oldest first. */
    List<Artifact> listByTask(String organizationId, String taskId);

    /** Oldest first. */
    List<Artifact> listByStep(String organizationId, String stepId);

    /** Oldest first. */
    List<Artifact> listByWorkflowRun(String organizationId, String workflowRunId);
}
