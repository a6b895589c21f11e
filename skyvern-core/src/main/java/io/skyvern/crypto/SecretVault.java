package io.skyvern.crypto;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that holds the encryption key. At start {@link #verify} compares the key with the
 * check stored in the database by the first node that stored a secret: another key (a node started
 * without the shared {@code SKYVERN_ENCRYPTION_KEY}, a lost key file) stops the start with a clear
 * message instead of producing garbage later. The key is created only when a secret is first
 * stored, so nodes that never store one need no key. Thread-safe.
 */
public final class SecretVault {
    static final String CHECK_TEXT = "skyvern-key-check";
    static final String CHECK_AAD = "encryption_key_check";

    private final EncryptionKey key;
    private final KeyCheckStore repository;
    private final Clock clock;
    private volatile SecretCipher cipher;

    public SecretVault(EncryptionKey key, KeyCheckStore repository, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Fails with CONFIGURATION_ERROR when secrets are stored and the key is missing or another one. */
    public void verify() {
        Optional<String> check = repository.keyCheck();
        if (check.isEmpty()) {
            key.existing();  // a malformed configured key still fails at start
            return;
        }
        byte[] existing = key.existing().orElseThrow(() -> new SkyvernException(ErrorCode.CONFIGURATION_ERROR,
                "Secrets are stored in this database but no encryption key is available: set "
                        + EncryptionKey.SETTING + " to the key the other nodes use"));
        cipher = checked(new SecretCipher(existing), check.get());
    }

    private SecretCipher checked(SecretCipher candidate, String check) {
        if (!candidate.decrypt(check, CHECK_AAD).map(CHECK_TEXT::equals).orElse(false)) {
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR, "The encryption key from " + key.source()
                    + " is not the key this database's secrets were encrypted with: set " + EncryptionKey.SETTING
                    + " to the key the other nodes use (or restore the key file)");
        }
        return candidate;
    }

    /** The cipher, creating the key and the database's key check on first use. */
    public SecretCipher cipher() {
        SecretCipher c = cipher;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (cipher == null) {
                SecretCipher candidate = new SecretCipher(key.getOrCreate());
                Optional<String> check = repository.keyCheck();
                if (check.isEmpty() && repository.insertKeyCheck(candidate.encrypt(CHECK_TEXT, CHECK_AAD),
                        clock.instant())) {
                    cipher = candidate;
                } else {
                    cipher = checked(candidate, check.or(repository::keyCheck).orElseThrow());
                }
            }
            return cipher;
        }
    }

    @Override
    public String toString() {
        return "SecretVault[" + key.source() + "]";
    }
}
