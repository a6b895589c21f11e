package io.skyvern.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of organisations and API keys. Implementations are thread-safe; every method is one
 * transaction.
 */
public interface OrganizationRepository {

    /**
     * Inserts an organisation together with its first key, atomically. A second bootstrap
     * organisation is refused by the database (VALIDATION_FAILED), even from another node.
     */
    void insert(Organization organization, StoredApiKey firstKey);

    Optional<Organization> find(String organizationId);

    Optional<Organization> findBootstrap();

    /** Inserts a key of an existing organisation. */
    void insertApiKey(StoredApiKey key);

    /** The organisation's keys, oldest first, revoked ones included. */
    List<ApiKey> listApiKeys(String organizationId);

    /** The key if it belongs to this organisation. */
    Optional<ApiKey> findApiKey(String organizationId, String apiKeyId);

    /**
     * Sets {@code revoked_at} of this organisation's key unless it is already set; returns the key
     * as it is afterwards, empty when the organisation has no such key. LAST_API_KEY (nothing
     * changed) when it is the organisation's only active key; revokes of one organisation are serialised.
     */
    Optional<ApiKey> revokeApiKey(String organizationId, String apiKeyId, Instant at);

    Optional<StoredApiKey> findApiKeyByHash(String keyHash);

    /**
     * Sets {@code last_used_at} to {@code at} unless it is already later than {@code notBefore};
     * the condition lets several nodes share the once-a-minute write.
     */
    void touchApiKey(String apiKeyId, Instant at, Instant notBefore);
}
