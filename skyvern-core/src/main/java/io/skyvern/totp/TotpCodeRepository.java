package io.skyvern.totp;

import java.time.Instant;
import java.util.List;

/** Storage of pushed codes (ciphertext only). Claims are conditional: a code is used once. Thread-safe. */
public interface TotpCodeRepository {
    /** A stored code: its id and ciphertext. */
    record Sealed(String totpCodeId, String ciphertext) {
    }

    void insert(PushedCode code, String ciphertext);

    /** Unused, unexpired codes of the identifier pushed at or after {@code since}, oldest first. */
    List<Sealed> candidates(String organizationId, String totpIdentifier, Instant since, Instant now);

    /** Marks the code used by {@code runId}; false when another run took it first. */
    boolean claim(String totpCodeId, String runId, Instant now);
}
