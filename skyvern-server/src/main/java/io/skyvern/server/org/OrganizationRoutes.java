package io.skyvern.server.org;

import io.javalin.http.Context;
import io.skyvern.auth.CreatedApiKey;
import io.skyvern.auth.CreatedOrganization;
import io.skyvern.auth.Organization;
import io.skyvern.auth.OrganizationService;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.server.http.ApiResponses;
import io.skyvern.server.http.Bodies;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.ApiRouteGroup;
import io.skyvern.server.http.ApiRoutes;
import io.skyvern.server.http.Operation;
import io.skyvern.server.http.Param;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caller's organisation, new organisations (bootstrap keys only) and API keys: the caller's own
 * under /api/v1/api_keys, any organisation's under /api/v1/organizations/{id}/api_keys (the
 * bootstrap organisation manages every organisation's keys, so a locked-out organisation can be
 * given a new one; others may name only themselves there).
 */
public final class OrganizationRoutes implements ApiRouteGroup {
    private static final String ORG_KEYS = "/api/v1/organizations/{organization_id}/api_keys";
    private final OrganizationService organizations;
    private final Bodies bodies;

    public OrganizationRoutes(OrganizationService organizations, Bodies bodies) {
        this.organizations = organizations;
        this.bodies = bodies;
    }

    @Override
    public void register(ApiRoutes api) {
        Param org = Param.path("organization_id");
        Param key = Param.path("api_key_id");
        api.get("/api/v1/organizations/me", Operation.of("organizations", "The caller's organisation")
                .returns(OrganizationResponse.class), this::me);
        api.post("/api/v1/organizations", Operation.of("organizations", "Create an organisation and its first key "
                + "(bootstrap keys only)").body(NameBody.class).created().errors(400, 403, 422), this::createOrganization);
        api.post("/api/v1/api_keys", keys("Create an API key (shown once)").body(ApiKeyBody.class).created()
                .returns(ApiKeyResponse.class).errors(400, 422), this::createKey);
        api.get("/api/v1/api_keys", keys("List API keys").returnsList(ApiKeyResponse.class), this::listKeys);
        api.delete("/api/v1/api_keys/{api_key_id}", keys("Revoke an API key").params(key)
                .returns(ApiKeyResponse.class).errors(404, 409), this::revokeKey);
        api.post(ORG_KEYS, keys("Create an API key of an organisation (bootstrap: any; others: their own)")
                .params(org).body(ApiKeyBody.class).created().returns(ApiKeyResponse.class)
                .errors(400, 403, 404, 422), this::createKeyOf);
        api.get(ORG_KEYS, keys("List an organisation's API keys (bootstrap: any)").params(org)
                .returnsList(ApiKeyResponse.class).errors(403, 404), this::listKeysOf);
        api.delete(ORG_KEYS + "/{api_key_id}", keys("Revoke an organisation's API key; its last active key cannot "
                + "be revoked (409 LAST_API_KEY)").params(org, key).returns(ApiKeyResponse.class)
                .errors(403, 404, 409), this::revokeKeyOf);
    }

    private static Operation keys(String summary) {
        return Operation.of("api_keys", summary);
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
