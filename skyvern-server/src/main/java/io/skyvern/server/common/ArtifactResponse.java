package io.skyvern.server.common;

import io.skyvern.artifact.Artifact;

import java.time.Instant;

/** Artifact metadata on the wire; the bytes are at {@code content_url} (never a file path). */
public record ArtifactResponse(String artifactId, String taskId, String stepId, String workflowRunId,
                               String workflowRunBlockId, String artifactType, String contentType, long sizeBytes,
                               String contentUrl, Instant createdAt) {
    public static ArtifactResponse of(Artifact a) {
        return new ArtifactResponse(a.artifactId(), a.taskId(), a.stepId(), a.workflowRunId(),
                a.workflowRunBlockId(), a.artifactType().wireName(), a.contentType(), a.sizeBytes(),
                "/api/v1/artifacts/" + a.artifactId() + "/content", a.createdAt());
    }
}
