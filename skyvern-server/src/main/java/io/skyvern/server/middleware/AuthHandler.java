package io.skyvern.server.middleware;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.skyvern.auth.Organization;
import io.skyvern.auth.OrganizationService;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.server.http.Access;
import io.skyvern.server.http.RequestAttributes;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resolves {@code x-api-key} (or {@code Authorization: Bearer}) to an organisation for matched
 * routes of the {@link Access} roles, run {@code beforeMatched} (a GET without a key of an
 * {@link Access#API_KEY_OR_SESSION} route may use a dashboard session cookie instead); missing or invalid
 * keys are 401 UNAUTHORIZED. Invalid keys count against the client address's
 * {@link FailedAuthLimiter}; an address past its limit gets 429 with Retry-After instead.
 */
public final class AuthHandler implements Handler {
    private final OrganizationService organizations;
    private final FailedAuthLimiter failures;
    private final CookieAuth cookies;

    public AuthHandler(OrganizationService organizations, FailedAuthLimiter failures) {
        this(organizations, failures, CookieAuth.NONE);
    }

    public AuthHandler(OrganizationService organizations, FailedAuthLimiter failures, CookieAuth cookies) {
        this.organizations = organizations;
        this.failures = failures;
        this.cookies = cookies;
    }

    @Override
    public void handle(Context ctx) {
        boolean sessionMayRead = ctx.routeRoles().contains(Access.API_KEY_OR_SESSION);
        if (!sessionMayRead && !ctx.routeRoles().contains(Access.API_KEY)) {
            return;
        }
        String key = RequestAttributes.presentedApiKey(ctx);
        if (key == null) {
            Optional<Organization> signedIn = sessionMayRead && "GET".equalsIgnoreCase(ctx.req().getMethod())
                    ? cookies.organization(ctx) : Optional.empty();
            if (signedIn.isPresent()) {
                ctx.attribute(RequestAttributes.ORGANIZATION, signedIn.get());
                return;
            }
            throw new SkyvernException(ErrorCode.UNAUTHORIZED, "API key required");
        }
        String address = ClientAddress.of(ctx);
        OptionalLong blocked = failures.blockedFor(address);
        if (blocked.isPresent()) {
            ctx.header("Retry-After", String.valueOf(blocked.getAsLong()));
            throw failures.refusal(address, blocked.getAsLong());
        }
        Optional<Organization> organization = organizations.authenticate(key);
        if (organization.isEmpty()) {
            failures.failed(address);
            throw new SkyvernException(ErrorCode.UNAUTHORIZED, "Invalid API key");
        }
        ctx.attribute(RequestAttributes.ORGANIZATION, organization.get());
    }
}
