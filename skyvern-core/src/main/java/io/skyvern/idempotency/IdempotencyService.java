package io.skyvern.idempotency;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs a create at most once per (organisation, Idempotency-Key) within {@link #RETENTION}.
 * The first request reserves the key with an insert that the database's primary key makes unique
 * across nodes; it then creates and stores its answer. A repeat with the same fingerprint gets
 * that answer back ({@code replayed}); with another fingerprint it is IDEMPOTENCY_KEY_REUSED
 * (422); while the first is still creating it is IDEMPOTENCY_KEY_IN_USE (409). A create that
 * fails releases the key, so nothing of a refused request stays behind and the client may retry.
 *
 * <p>Limitation: a node that dies between its reservation and its answer leaves the key pending,
 * and repeats get 409 until the key expires; they never create a second object.
 * Thread-safe.
 */
public final class IdempotencyService {
    /** How long a key and its answer are kept. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** Longest key accepted; longer keys are a client error. */
    public static final int MAX_KEY_LENGTH = 255;
    private static final long PURGE_EVERY = 1000;

    private final IdempotencyRepository repository;
    private final Clock clock;
    private final AtomicLong reservations = new AtomicLong();

    public IdempotencyService(IdempotencyRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The answer of {@code create} for this key: computed now if the key is new, else the stored
     * one. {@code fingerprint} identifies the request (method, path and body); {@code create} runs
     * at most once per key.
     */
    public IdempotentOutcome execute(String organizationId, String key, String fingerprint,
                                     Supplier<StoredResponse> create) {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(create, "create");
        checkKey(key);
        Instant now = clock.instant();
        repository.deleteIfCreatedBefore(organizationId, key, now.minus(RETENTION));
        if (!repository.tryReserve(organizationId, key, fingerprint, now)) {
            return repeat(organizationId, key, fingerprint);
        }
        if (reservations.incrementAndGet() % PURGE_EVERY == 0) {
            repository.purgeCreatedBefore(now.minus(RETENTION));
        }
        StoredResponse response;
        try {
            response = create.get();
        } catch (RuntimeException | Error e) {
            repository.release(organizationId, key);
            throw e;
        }
        repository.complete(organizationId, key, response);
        return new IdempotentOutcome(response, false);
    }

    private IdempotentOutcome repeat(String organizationId, String key, String fingerprint) {
        Optional<IdempotencyRecord> stored = repository.find(organizationId, key);
        if (stored.isEmpty()) {
            // The first request failed and released the key between our insert and our read.
            throw inUse();
        }
        if (!stored.get().fingerprint().equals(fingerprint)) {
            throw new SkyvernException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request in the last 24 hours");
        }
        return stored.get().response().map(r -> new IdempotentOutcome(r, true)).orElseThrow(this::inUse);
    }

    private SkyvernException inUse() {
        return new SkyvernException(ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                "A request with this Idempotency-Key is still being processed; retry shortly", List.of(),
                Map.of("retry_after", 1), null);
    }

    /** VALIDATION_ERROR unless the key is 1..255 printable ASCII characters. */
    public static void checkKey(String key) {
        boolean valid = key != null && !key.isEmpty() && key.length() <= MAX_KEY_LENGTH
                && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
        if (!valid) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR,
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters without spaces");
        }
    }
}
