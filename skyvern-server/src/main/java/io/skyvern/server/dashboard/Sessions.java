package io.skyvern.server.dashboard;

import io.javalin.http.Context;
import io.skyvern.auth.ApiKey;
import io.skyvern.auth.Organization;
import io.skyvern.auth.OrganizationService;
import io.skyvern.common.SkyvernException;
import io.skyvern.server.middleware.ClientAddress;
import io.skyvern.server.middleware.CookieAuth;
import io.skyvern.server.middleware.FailedAuthLimiter;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboard sign-in, sign-out and CSRF. The session cookie is HttpOnly, SameSite=Strict, Secure
 * over HTTPS, signed with {@link SessionKey} and valid for 12 hours; it stays valid only while the
 * organisation still has an active key with the prefix that signed in (checked at most every 10 s
 * per session, so a revoked key ends its sessions within seconds). Wrong keys count against the
 * same {@link FailedAuthLimiter} as the API's. Thread-safe.
 */
public final class Sessions implements CookieAuth {
    static final String COOKIE = "skyvern_session";
    /** Before sign-in: a random value whose HMAC is the sign-in form's CSRF token (no login CSRF). */
    static final String PRE_COOKIE = "skyvern_presession";
    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final long RECHECK_NANOS = Duration.ofSeconds(10).toNanos();

    private final OrganizationService organizations;
    private final FailedAuthLimiter failures;
    private final SessionKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> lastChecked = new ConcurrentHashMap<>();

    Sessions(OrganizationService organizations, FailedAuthLimiter failures, SessionKey key, Clock clock) {
        this.organizations = organizations;
        this.failures = failures;
        this.key = key;
        this.clock = clock;
    }

    public static Sessions create(OrganizationService organizations, FailedAuthLimiter failures,
                                  java.nio.file.Path dataDir) {
        return new Sessions(organizations, failures, SessionKey.inDataDir(dataDir), Clock.systemUTC());
    }

    /** The signed-in session, if the cookie is genuine, unexpired and its key still active. */
    Optional<DashboardSession> current(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        Optional<DashboardSession> session = DashboardSession.decode(cookie, key, clock.instant().getEpochSecond());
        if (session.isEmpty() || !keyStillActive(cookie, session.get())) {
            return Optional.empty();
        }
        return session;
    }

    @Override
    public Optional<Organization> organization(Context ctx) {
        return current(ctx).map(s -> organizations.get(s.organizationId()));
    }

    /** Signs in with an API key; empty when the key is wrong (the caller shows the form again). */
    Optional<DashboardSession> signIn(Context ctx, String apiKey) {
        String address = ClientAddress.of(ctx);
        OptionalLong blocked = failures.blockedFor(address);
        if (blocked.isPresent()) {
            ctx.header("Retry-After", String.valueOf(blocked.getAsLong()));
            throw failures.refusal(address, blocked.getAsLong());
        }
        String presented = apiKey == null ? "" : apiKey.trim();
        Optional<Organization> organization = organizations.authenticate(presented);
        Optional<ApiKey> used = organization.flatMap(o -> activeKeyWithPrefixOf(o.organizationId(), presented));
        if (used.isEmpty()) {
            failures.failed(address);
            return Optional.empty();
        }
        DashboardSession session = new DashboardSession(randomToken(), organization.get().organizationId(),
                used.get().keyPrefix(), clock.instant().plus(LIFETIME).getEpochSecond());
        setCookie(ctx, COOKIE, session.encode(key), LIFETIME.toSeconds());
        setCookie(ctx, PRE_COOKIE, "", 0);
        return Optional.of(session);
    }

    void signOut(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null) {
            lastChecked.remove(cookie);
        }
        setCookie(ctx, COOKIE, "", 0);
    }

    String csrfToken(DashboardSession session) {
        return session.csrfToken(key);
    }

    /** The sign-in form's token, setting the pre-session cookie it is bound to when missing. */
    String signInToken(Context ctx) {
        String nonce = ctx.cookie(PRE_COOKIE);
        if (nonce == null || nonce.isBlank() || nonce.length() > 100) {
            nonce = randomToken();
            setCookie(ctx, PRE_COOKIE, nonce, Duration.ofHours(1).toSeconds());
        }
        return key.sign("signin:" + nonce);
    }

    boolean signInTokenValid(Context ctx, String token) {
        String nonce = ctx.cookie(PRE_COOKIE);
        return nonce != null && !nonce.isBlank() && key.verify("signin:" + nonce, token);
    }

    /** True when the request echoes the session's CSRF token (form field or htmx header). */
    boolean csrfValid(Context ctx, DashboardSession session) {
        String presented = ctx.header("X-CSRF-Token");
        if (presented == null) {
            presented = ctx.formParam("_csrf");
        }
        return presented != null && key.verify("csrf:" + session.sessionId(), presented);
    }

    private boolean keyStillActive(String cookie, DashboardSession session) {
        long now = System.nanoTime();
        Long checked = lastChecked.get(cookie);
        if (checked != null && now - checked < RECHECK_NANOS) {
            return true;
        }
        boolean active;
        try {
            active = organizations.listApiKeys(session.organizationId()).stream()
                    .anyMatch(k -> k.revokedAt() == null && k.keyPrefix().equals(session.keyPrefix()));
        } catch (SkyvernException organizationGone) {
            active = false;
        }
        if (active) {
            if (lastChecked.size() > 10_000) {
                lastChecked.clear();
            }
            lastChecked.put(cookie, now);
        } else {
            lastChecked.remove(cookie);
        }
        return active;
    }

    private Optional<ApiKey> activeKeyWithPrefixOf(String organizationId, String presented) {
        return organizations.listApiKeys(organizationId).stream()
                .filter(k -> k.revokedAt() == null && presented.startsWith(k.keyPrefix())).findFirst();
    }

    private String randomToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : ""));
    }
}
