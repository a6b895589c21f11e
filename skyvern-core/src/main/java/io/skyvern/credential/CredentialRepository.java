package io.skyvern.credential;

import java.util.List;
import java.util.Optional;

/**
 * Storage of credentials. Every lookup is scoped to an
 * organisation. Thread-safe.
 */
public interface CredentialRepository {
    void insert(StoredCredential credential);

    Optional<StoredCredential> find(String organizationId, String credentialId);

    /** Newest first. */
    List<Credential> list(String organizationId);

    /** False when there was no such credential. */
    boolean delete(String organizationId, String credentialId);
}
