package io.skyvern.auth;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.IdPrefix;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.OrgLimits;
import io.skyvern.config.SkyvernConfig;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Organisations and API keys. Keys are {@code sk_} plus 32 random bytes (base64url), shown once;
 * only their SHA-256 hash and first 8 characters are stored. Successful authentications are cached
 * for {@link #AUTH_CACHE_TTL}: a revoke takes effect at once on this node and within that time on
 * other nodes. {@code last_used_at} is written at most once a minute per key. Keys and hashes are
 * never logged. Thread-safe.
 */
public final class OrganizationService implements OrgLimitsLookup {
    /** How long another node may still accept a key revoked elsewhere. */
    public static final Duration AUTH_CACHE_TTL = Duration.ofSeconds(30);
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_NAME_LENGTH = 200;
    private static final int AUTH_CACHE_MAX_ENTRIES = 10_000;
    /** Longer inputs cannot be keys; refusing them early avoids hashing arbitrary amounts of data. */
    private static final int MAX_PRESENTED_KEY_LENGTH = 512;

    private final OrganizationRepository repository;
    private final OrgLimits defaultLimits;
    private final Clock clock;
    private final IdGenerator ids;
    private final ApiKeys keys;
    private final AuthCache authCache;
    /** Limits change only with an organisation's settings; reading them on every create is waste. */
    private final java.util.concurrent.ConcurrentHashMap<String, CachedLimits> limitsCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    public OrganizationService(OrganizationRepository repository, SkyvernConfig config, Clock clock, IdGenerator ids) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.defaultLimits = Objects.requireNonNull(config, "config").orgLimits();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.keys = new ApiKeys(new SecureRandom());
        this.authCache = new AuthCache(clock, AUTH_CACHE_TTL, AUTH_CACHE_MAX_ENTRIES);
    }

    /** Creates an organisation (limits from the configuration) and its first key. */
    public CreatedOrganization create(String name) {
        return insertOrganization(validName(name, "name"), false, keys.newApiKey());
    }

    /**
     * Creates the bootstrap organisation; there is only ever one, so a second call is
     * VALIDATION_FAILED (callers check {@link #findBootstrap()} first). A non-empty
     * {@code presetKey} (at least 16 characters) becomes its first key instead of a random one.
     */
    public CreatedOrganization createBootstrap(String name, Optional<String> presetKey) {
        String validName = validName(name, "name");
        String key = presetKey.filter(k -> !k.isEmpty()).orElse(null);
        if (key != null && (key.strip().length() != key.length() || key.length() < ApiKeys.MIN_PRESET_LENGTH
                || key.length() > MAX_PRESENTED_KEY_LENGTH)) {
            throw new SkyvernException(ErrorCode.VALIDATION_FAILED, "Invalid bootstrap API key",
                    List.of("preset API key must be " + ApiKeys.MIN_PRESET_LENGTH + " to " + MAX_PRESENTED_KEY_LENGTH
                            + " characters without surrounding spaces"));
        }
        // Checked first for a clear message; the database's unique guard settles a race.
        if (repository.findBootstrap().isPresent()) {
            throw new SkyvernException(ErrorCode.VALIDATION_FAILED, "The bootstrap organisation already exists",
                    List.of("bootstrap organisation already exists"));
        }
        return insertOrganization(validName, true, key == null ? keys.newApiKey() : key);
    }

    public Optional<Organization> findBootstrap() {
        return repository.findBootstrap();
    }

    /** The organisation or ORGANIZATION_NOT_FOUND. */
    public Organization get(String organizationId) {
        return repository.find(Objects.requireNonNull(organizationId, "organizationId"))
                .orElseThrow(() -> SkyvernException.notFound(ErrorCode.ORGANIZATION_NOT_FOUND, "Organization", organizationId));
    }

    @Override
    public OrgLimits limitsOf(String organizationId) {
        long now = clock.millis();
        CachedLimits cached = limitsCache.get(organizationId);
        if (cached != null && now - cached.readAt() < LIMITS_TTL_MILLIS) {
            return cached.limits();
        }
        OrgLimits limits = get(organizationId).limits();
        if (limitsCache.size() > 10_000) {
            limitsCache.clear();   // bounded: a cache miss only costs one read
        }
        limitsCache.put(organizationId, new CachedLimits(limits, now));
        return limits;
    }

    private static final long LIMITS_TTL_MILLIS = 10_000;

    private record CachedLimits(OrgLimits limits, long readAt) {
    }

    /** A new key for an existing organisation; a blank name becomes "default". */
    public CreatedApiKey createApiKey(String organizationId, String name) {
        String keyName = name == null || name.isBlank() ? "default" : validName(name, "api key name");
        get(organizationId);
        String plaintext = keys.newApiKey();
        StoredApiKey stored = newStoredKey(organizationId, keyName, plaintext);
        repository.insertApiKey(stored);
        return new CreatedApiKey(stored.apiKey(), plaintext);
    }

    public List<ApiKey> listApiKeys(String organizationId) {
        get(organizationId);
        return repository.listApiKeys(organizationId);
    }

    /**
     * Revokes a key of this organisation, or API_KEY_NOT_FOUND. Revoking twice keeps the first time.
     * LAST_API_KEY (409) for its only active key: an organisation cannot lock itself out.
     */
    public ApiKey revokeApiKey(String organizationId, String apiKeyId) {
        ApiKey revoked = repository.revokeApiKey(organizationId, apiKeyId, now())
                .orElseThrow(() -> SkyvernException.notFound(ErrorCode.API_KEY_NOT_FOUND, "API key", apiKeyId));
        authCache.invalidateKey(apiKeyId);
        return revoked;
    }

    /** The organisation of a valid, unrevoked key; empty for anything else. */
    public Optional<Organization> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > MAX_PRESENTED_KEY_LENGTH) {
            return Optional.empty();
        }
        String hash = ApiKeys.hash(presentedKey);
        Optional<AuthCache.Entry> cached = authCache.get(hash);
        AuthCache.Entry entry;
        if (cached.isPresent()) {
            entry = cached.get();
        } else {
            Optional<StoredApiKey> stored = repository.findApiKeyByHash(hash);
            if (stored.isEmpty() || !ApiKeys.sameHash(hash, stored.get().keyHash()) || stored.get().apiKey().isRevoked()) {
                return Optional.empty();
            }
            ApiKey key = stored.get().apiKey();
            Optional<Organization> organization = repository.find(key.organizationId());
            if (organization.isEmpty()) {
                return Optional.empty();
            }
            entry = authCache.put(hash, key.apiKeyId(), organization.get(), key.lastUsedAt());
        }
        touchIfDue(entry);
        return Optional.of(entry.organization);
    }

    private void touchIfDue(AuthCache.Entry entry) {
        Instant now = now();
        Instant last = entry.lastTouched;
        if (last != null && now.isBefore(last.plus(TOUCH_INTERVAL))) {
            return;
        }
        synchronized (entry) {
            // Re-checked under the lock so that concurrent requests with one key write once.
            if (entry.lastTouched != last) {
                return;
            }
            entry.lastTouched = now;
        }
        repository.touchApiKey(entry.apiKeyId, now, now.minus(TOUCH_INTERVAL));
    }

    private CreatedOrganization insertOrganization(String name, boolean bootstrap, String plaintextKey) {
        Instant now = now();
        String organizationId = ids.next(IdPrefix.ORGANIZATION);
        Organization organization = new Organization(organizationId, name, bootstrap, defaultLimits,
                keys.newWebhookSigningKey(), now, now);
        StoredApiKey firstKey = newStoredKey(organizationId, "default", plaintextKey);
        repository.insert(organization, firstKey);
        return new CreatedOrganization(organization, new CreatedApiKey(firstKey.apiKey(), plaintextKey));
    }

    private StoredApiKey newStoredKey(String organizationId, String name, String plaintext) {
        ApiKey key = new ApiKey(ids.next(IdPrefix.API_KEY), organizationId, name, ApiKeys.shownPrefix(plaintext),
                now(), null, null);
        return new StoredApiKey(key, ApiKeys.hash(plaintext));
    }

    private static String validName(String name, String field) {
        List<String> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(field + " must not be blank");
        } else if (name.strip().length() > MAX_NAME_LENGTH) {
            errors.add(field + " must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (!errors.isEmpty()) {
            throw new SkyvernException(ErrorCode.VALIDATION_FAILED, "Invalid " + field + ": " + String.join("; ", errors), errors);
        }
        return name.strip();
    }

    /** Microseconds, the precision both databases keep, so returned and re-read values agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
