package io.skyvern.server.org;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.skyvern.auth.CreatedApiKey;
import io.skyvern.auth.CreatedOrganization;
import io.skyvern.auth.Organization;
import io.skyvern.auth.OrganizationService;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.server.http.ApiResponses;
import io.skyvern.server.http.Bodies;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.RouteGroup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caller's organisation, new organisations (bootstrap keys only) and API keys: the caller's own
 * under /api/v1/api_keys, any organisation's under /api/v1/organizations/{id}/api_keys (the
 * bootstrap organisation manages every organisation's keys, so a locked-out organisation can be
 * given a new one; others may name only themselves there).
 */
public final class OrganizationRoutes implements RouteGroup {
    private static final String ORG_KEYS = "/api/v1/organizations/{organization_id}/api_keys";
    private final OrganizationService organizations;
    private final Bodies bodies;

    public OrganizationRoutes(OrganizationService organizations, Bodies bodies) {
        this.organizations = organizations;
        this.bodies = bodies;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/organizations/me", this::me);
        routes.post("/api/v1/organizations", this::createOrganization);
        routes.post("/api/v1/api_keys", this::createKey);
        routes.get("/api/v1/api_keys", this::listKeys);
        routes.delete("/api/v1/api_keys/{api_key_id}", this::revokeKey);
        routes.post(ORG_KEYS, this::createKeyOf);
        routes.get(ORG_KEYS, this::listKeysOf);
        routes.delete(ORG_KEYS + "/{api_key_id}", this::revokeKeyOf);
    }

    private void me(Context ctx) {
        ApiResponses.ok(ctx, OrganizationResponse.of(RequestAttributes.organization(ctx), true));
    }

    private void createOrganization(Context ctx) {
        Organization caller = RequestAttributes.organization(ctx);
        if (!caller.bootstrap()) {
            throw new SkyvernException(ErrorCode.FORBIDDEN, "Only the bootstrap organisation may create organisations");
        }
        String name = bodies.read(ctx, NameBody.class).name();
        CreatedOrganization created = organizations.create(name);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organization", OrganizationResponse.of(created.organization(), false));
        data.put("api_key", ApiKeyResponse.of(created.firstKey()));
        ApiResponses.created(ctx, data);
    }

    private void createKey(Context ctx) {
        String name = bodies.readOptional(ctx, ApiKeyBody.class).map(ApiKeyBody::name)
                .filter(n -> !n.isBlank()).orElse("api key");
        CreatedApiKey created = organizations.createApiKey(RequestAttributes.organizationId(ctx), name);
        ApiResponses.created(ctx, ApiKeyResponse.of(created));
    }

    private void listKeys(Context ctx) {
        ApiResponses.ok(ctx, organizations.listApiKeys(RequestAttributes.organizationId(ctx)).stream()
                .map(ApiKeyResponse::of).toList());
    }

    private void revokeKey(Context ctx) {
        ApiResponses.ok(ctx, ApiKeyResponse.of(
                organizations.revokeApiKey(RequestAttributes.organizationId(ctx), ctx.pathParam("api_key_id"))));
    }

    private void createKeyOf(Context ctx) {
        String target = managedOrganization(ctx);
        String name = bodies.readOptional(ctx, ApiKeyBody.class).map(ApiKeyBody::name)
                .filter(n -> !n.isBlank()).orElse("api key");
        ApiResponses.created(ctx, ApiKeyResponse.of(organizations.createApiKey(target, name)));
    }

    private void listKeysOf(Context ctx) {
        ApiResponses.ok(ctx, organizations.listApiKeys(managedOrganization(ctx)).stream()
                .map(ApiKeyResponse::of).toList());
    }

    private void revokeKeyOf(Context ctx) {
        ApiResponses.ok(ctx, ApiKeyResponse.of(
                organizations.revokeApiKey(managedOrganization(ctx), ctx.pathParam("api_key_id"))));
    }

    /** The organisation named in the path, if the caller may manage its keys (itself, or any for bootstrap). */
    private static String managedOrganization(Context ctx) {
        Organization caller = RequestAttributes.organization(ctx);
        String target = ctx.pathParam("organization_id");
        if (!caller.bootstrap() && !caller.organizationId().equals(target)) {
            throw new SkyvernException(ErrorCode.FORBIDDEN,
                    "Only the bootstrap organisation may manage another organisation's API keys");
        }
        return target;
    }
}
