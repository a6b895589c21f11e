package io.skyvern.agent;

/**
 * Where the {@code {{totp}}} placeholder takes its code from: codes pushed to the API for the
 * run's {@code totp_identifier}, or the run's {@code totp_verification_url}. {@link #next} blocks
 * (bounded, and it returns early when the run is canceled) until a code the run has not used yet
 * is available. Implementations live in {@code io.skyvern.totp}; they are made per run by the
 * execution layer, which knows the run's cancel signal.
 */
public interface OneTimeCodes {
    /** A fresh code ({@link SecretTyping.Ready}) or why none came ({@link SecretTyping.Refused}). */
    SecretTyping next();

    /** What the model is told about where the code comes from, e.g. "a code sent to a@b.c". */
    String description();
}
