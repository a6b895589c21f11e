package io.skyvern.browsersession;

import java.time.Instant;
import java.util.Objects;

/**
 * A browser session as stored. {@code currentRunId} is the task using it now, if any.
 * Status is {@code active} until closed by a user or by expiry, then {@code closed}.
 */
public record BrowserSessionInfo(String browserSessionId, String organizationId, String status, int timeoutMinutes,
                                 String currentRunId, Instant createdAt, Instant modifiedAt, Instant expiresAt,
                                 Instant closedAt) {
    public static final String ACTIVE = "active";
    public static final String CLOSED = "closed";

    public BrowserSessionInfo {
        Objects.requireNonNull(browserSessionId, "browserSessionId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
