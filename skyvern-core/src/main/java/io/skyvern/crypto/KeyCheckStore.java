package io.skyvern.crypto;

import java.time.Instant;
import java.util.Optional;

/** Where the key check lives (one row of {@code encryption_key_check}). Thread-safe. */
public interface KeyCheckStore {
    /** The ciphertext of the key check, if a key was ever used with this database. */
    Optional<String> keyCheck();

    /** Stores the key check unless one exists; false when another node stored one first. */
    boolean insertKeyCheck(String ciphertext, Instant now);
}
