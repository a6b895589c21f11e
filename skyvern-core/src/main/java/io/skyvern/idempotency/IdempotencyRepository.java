package io.skyvern.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Storage of idempotency keys, unique per (organisation, key) in the database so that every node
 * sees the same reservation. Implementations are thread-safe; each method is one statement.
 */
public interface IdempotencyRepository {
    /** Inserts a pending reservation; false when the key is already stored (by anyone, any node). */
    boolean tryReserve(String organizationId, String key, String fingerprint, Instant now);

    Optional<IdempotencyRecord> find(String organizationId, String key);

    /** Stores the answer of the reserved request. */
    void complete(String organizationId, String key, StoredResponse response);

    /** Removes a pending reservation whose request failed (the key may be used again). */
    void release(String organizationId, String key);

    /** Removes this key if it was stored before {@code cutoff} (it has expired). */
    void deleteIfCreatedBefore(String organizationId, String key, Instant cutoff);

    /** Removes every key stored before {@code cutoff}; returns how many. */
    int purgeCreatedBefore(Instant cutoff);
}
