package io.skyvern.server.browsersession;

import io.skyvern.browsersession.BrowserSessionInfo;

import java.time.Instant;

/** A browser session on the wire. */
public record BrowserSessionResponse(String browserSessionId, String organizationId, String status,
                                     int timeoutMinutes, String currentRunId, Instant createdAt, Instant modifiedAt,
                                     Instant expiresAt, Instant closedAt) {
    public static BrowserSessionResponse of(BrowserSessionInfo s) {
        return new BrowserSessionResponse(s.browserSessionId(), s.organizationId(), s.status(), s.timeoutMinutes(),
                s.currentRunId(), s.createdAt(), s.modifiedAt(), s.expiresAt(), s.closedAt());
    }
}
