package io.skyvern.server.login;

import io.skyvern.totp.PushedCode;

import java.time.Instant;

/** A stored one-time code on the wire: when it arrived and expires, never the code. */
public record TotpCodeResponse(String totpCodeId, String totpIdentifier, Instant createdAt, Instant expiresAt) {
    public static TotpCodeResponse of(PushedCode c) {
        return new TotpCodeResponse(c.totpCodeId(), c.totpIdentifier(), c.createdAt(), c.expiresAt());
    }
}
