package io.skyvern.artifact;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.IdPrefix;
import io.skyvern.common.SkyvernException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records artifacts (bytes in the {@link ArtifactStore}, metadata in the database) and serves them
 * back to their organisation only. Thread-safe.
 */
public final class ArtifactService {
    private static final Logger LOG = LoggerFactory.getLogger(ArtifactService.class);

    private final ArtifactStore store;
    private final ArtifactMetadataRepository repository;
    private final IdGenerator ids;
    private final Clock clock;

    public ArtifactService(ArtifactStore store, ArtifactMetadataRepository repository, IdGenerator ids, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores the bytes, then the metadata; if the metadata cannot be written the file is removed. */
    public Artifact record(NewArtifact request) {
        Objects.requireNonNull(request, "request");
        String id = ids.next(IdPrefix.ARTIFACT);
        // The id leads the file name so that two artifacts of one run never overwrite each other.
        String name = request.fileName() != null ? id + "_" + request.fileName()
                : id + "." + ArtifactContentTypes.extension(request.type());
        String uri = store.put(request.organizationId(), request.runId(), name, request.bytes());
        Artifact artifact = new Artifact(id, request.organizationId(), request.taskId(), request.stepId(),
                request.workflowRunId(), request.workflowRunBlockId(), request.type(), uri,
                ArtifactContentTypes.contentType(request.type()), request.bytes().length, clock.instant());
        try {
            repository.insert(artifact);
        } catch (RuntimeException e) {
            try {
                store.delete(uri);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        LOG.debug("Recorded {} artifact {} ({} bytes)", request.type().wireName(), id, request.bytes().length);
        return artifact;
    }

    /** The artifact, if it exists and belongs to the organisation. */
    public Optional<Artifact> find(String organizationId, String artifactId) {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(artifactId, "artifactId");
        return repository.find(organizationId, artifactId);
    }

    /** The artifact or ARTIFACT_NOT_FOUND (also for another organisation's artifact). */
    public Artifact get(String organizationId, String artifactId) {
        return find(organizationId, artifactId)
                .orElseThrow(() -> SkyvernException.notFound(ErrorCode.ARTIFACT_NOT_FOUND, "Artifact", artifactId));
    }

    /** The bytes of the artifact; the caller closes the stream. ARTIFACT_NOT_FOUND otherwise. */
    public InputStream openContent(String organizationId, String artifactId) {
        return store.open(get(organizationId, artifactId).uri());
    }

    public List<Artifact> listForTask(String organizationId, String taskId) {
        return repository.listByTask(organizationId, taskId);
    }

    public List<Artifact> listForStep(String organizationId, String stepId) {
        return repository.listByStep(organizationId, stepId);
    }

    public List<Artifact> listForWorkflowRun(String organizationId, String workflowRunId) {
        return repository.listByWorkflowRun(organizationId, workflowRunId);
    }
}
