package io.skyvern.artifact;

import java.io.InputStream;

/**
 * Keeps the bytes of artifacts. A store names what it keeps by a uri it makes itself; callers
 * store that uri and hand it back. Names and ids are sanitised by the store, so no input can write
 * or read outside it. Implementations are thread-safe.
 */
public interface ArtifactStore {
    /**
     * Stores {@code bytes} as {@code name} among the artifacts of one run, replacing a previous
     * file of that name, atomically (a reader never sees half a file). Returns the uri.
     */
    String put(String organizationId, String runId, String name, byte[] bytes);

    /** Opens stored bytes; ARTIFACT_NOT_FOUND when there are none under {@code uri}. */
    InputStream open(String uri);

    /** Size in bytes; ARTIFACT_NOT_FOUND when there is nothing under {@code uri}. */
    long size(String uri);

    /** Deletes one stored file; false when there was none. */
    boolean delete(String uri);

    /** Deletes every artifact of one run (retention, tests). */
    void deleteRun(String organizationId, String runId);
}
