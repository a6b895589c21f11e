package io.skyvern.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A small cache of successful authentications, keyed by key hash (never by the plaintext), so
 * that a busy client does not cost a database read per request. Entries live {@code ttl}; a
 * revoke in this process removes them at once, while other nodes of a cluster keep accepting a
 * revoked key for at most {@code ttl}. Failed lookups are not cached. When full, the cache is
 * simply emptied: it is an optimisation, never a source of truth.
 */
final class AuthCache {
    /** A cached success; {@code lastTouched} is when last_used_at was last written (or read). */
    static final class Entry {
        final String apiKeyId;
        final Organization organization;
        final Instant expiresAt;
        volatile Instant lastTouched;

        Entry(String apiKeyId, Organization organization, Instant expiresAt, Instant lastTouched) {
            this.apiKeyId = apiKeyId;
            this.organization = organization;
            this.expiresAt = expiresAt;
            this.lastTouched = lastTouched;
        }
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;

    AuthCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    Optional<Entry> get(String keyHash) {
        Entry entry = entries.get(keyHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt)) {
            entries.remove(keyHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    Entry put(String keyHash, String apiKeyId, Organization organization, Instant lastUsedAt) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        Entry entry = new Entry(apiKeyId, organization, clock.instant().plus(ttl), lastUsedAt);
        entries.put(keyHash, entry);
        return entry;
    }

    void invalidateKey(String apiKeyId) {
        entries.values().removeIf(e -> e.apiKeyId.equals(apiKeyId));
    }

    int size() {
        return entries.size();
    }
}
