package io.skyvern.server.login;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.skyvern.credential.CredentialService;
import io.skyvern.server.http.ApiResponses;
import io.skyvern.server.http.Bodies;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.RouteGroup;
import io.skyvern.totp.TotpCodeService;

import java.util.Map;

/** /api/v1/credentials and /api/v1/totp_codes: parse, call the services, map to metadata-only DTOs. */
public final class LoginRoutes implements RouteGroup {
    public static final String CREDENTIALS = "/api/v1/credentials";
    public static final String TOTP_CODES = "/api/v1/totp_codes";

    private final CredentialService credentials;
    private final TotpCodeService codes;
    private final Bodies bodies;

    public LoginRoutes(CredentialService credentials, TotpCodeService codes, Bodies bodies) {
        this.credentials = credentials;
        this.codes = codes;
        this.bodies = bodies;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(CREDENTIALS, this::create);
        routes.get(CREDENTIALS, this::list);
        routes.get(CREDENTIALS + "/{credential_id}", this::get);
        routes.delete(CREDENTIALS + "/{credential_id}", this::delete);
        routes.post(TOTP_CODES, this::push);
    }

    private void create(Context ctx) {
        CreateCredentialBody body = bodies.read(ctx, CreateCredentialBody.class);
        ApiResponses.created(ctx, CredentialResponse.of(credentials.create(RequestAttributes.organizationId(ctx),
                body.toRequest())));
    }

    private void list(Context ctx) {
        ApiResponses.ok(ctx, credentials.list(RequestAttributes.organizationId(ctx)).stream()
                .map(CredentialResponse::of).toList());
    }

    private void get(Context ctx) {
        ApiResponses.ok(ctx, CredentialResponse.of(credentials.get(RequestAttributes.organizationId(ctx),
                ctx.pathParam("credential_id"))));
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("credential_id");
        credentials.delete(RequestAttributes.organizationId(ctx), id);
        ApiResponses.ok(ctx, Map.of("credential_id", id, "deleted", true));
    }

    private void push(Context ctx) {
        PushTotpCodeBody body = bodies.read(ctx, PushTotpCodeBody.class);
        ApiResponses.created(ctx, TotpCodeResponse.of(codes.push(RequestAttributes.organizationId(ctx),
                body.totpIdentifier(), body.code(), body.content())));
    }
}
