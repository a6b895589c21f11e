package io.skyvern.server.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * What the signed session cookie holds: no key, only the organisation and the shown prefix of the
 * key that signed in (the session ends when no active key with that prefix remains).
 */
record DashboardSession(String sessionId, String organizationId, String keyPrefix, long expiresAtEpochSecond) {
    DashboardSession {
        Objects.requireNonNull(sessionId);
        Objects.requireNonNull(organizationId);
        Objects.requireNonNull(keyPrefix);
    }

    String encode(SessionKey key) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                String.join("|", sessionId, organizationId, keyPrefix, Long.toString(expiresAtEpochSecond))
                        .getBytes(StandardCharsets.UTF_8));
        return payload + "." + key.sign("session:" + payload);
    }

    static Optional<DashboardSession> decode(String cookie, SessionKey key, long nowEpochSecond) {
        if (cookie == null || cookie.length() > 1000) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        if (dot < 0 || !key.verify("session:" + cookie.substring(0, dot), cookie.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cookie.substring(0, dot)),
                    StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            DashboardSession session = new DashboardSession(parts[0], parts[1], parts[2], Long.parseLong(parts[3]));
            return session.expiresAtEpochSecond() > nowEpochSecond ? Optional.of(session) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The CSRF token of this session: forms and htmx requests must echo it. */
    String csrfToken(SessionKey key) {
        return key.sign("csrf:" + sessionId);
    }
}
