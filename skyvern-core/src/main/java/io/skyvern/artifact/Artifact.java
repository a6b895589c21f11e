package io.skyvern.artifact;

import java.time.Instant;

/**
 * Metadata of a stored file (screenshot, element tree, LLM prompt…). The bytes are in the
 * {@code ArtifactStore} under {@code uri}.
 */
public record Artifact(
        String artifactId,
        String organizationId,
        String taskId,
        String stepId,
        String workflowRunId,
        String workflowRunBlockId,
        ArtifactType artifactType,
        String uri,
        String contentType,
        long sizeBytes,
        Instant createdAt) {
}
