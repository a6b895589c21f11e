package io.skyvern.server.middleware;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.skyvern.auth.Organization;
import io.skyvern.auth.OrganizationService;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.server.http.RequestAttributes;

import java.util.Optional;

/**
 * Resolves {@code x-api-key} (or {@code Authorization: Bearer}) to an organisation for matched
 * /api routes; missing or invalid keys are 401 UNAUTHORIZED.
 */
public final class AuthHandler implements Handler {
    private final OrganizationService organizations;

    public AuthHandler(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Override
    public void handle(Context ctx) {
        if (!ctx.path().startsWith("/api/") || "OPTIONS".equalsIgnoreCase(ctx.req().getMethod())) {
            return;
        }
        String key = RequestAttributes.presentedApiKey(ctx);
        if (key == null) {
            throw new SkyvernException(ErrorCode.UNAUTHORIZED, "API key required");
        }
        Optional<Organization> organization = organizations.authenticate(key);
        if (organization.isEmpty()) {
            throw new SkyvernException(ErrorCode.UNAUTHORIZED, "Invalid API key");
        }
        ctx.attribute(RequestAttributes.ORGANIZATION, organization.get());
    }
}
