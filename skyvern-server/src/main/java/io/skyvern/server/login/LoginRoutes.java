package io.skyvern.server.login;

import io.javalin.http.Context;
import io.skyvern.credential.CredentialService;
import io.skyvern.server.http.ApiResponses;
import io.skyvern.server.http.Bodies;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.ApiRouteGroup;
import io.skyvern.server.http.ApiRoutes;
import io.skyvern.server.http.Operation;
import io.skyvern.server.http.Param;
import io.skyvern.totp.TotpCodeService;

import java.util.Map;

/** /api/v1/credentials and /api/v1/totp_codes: parse, call the services, map to metadata-only DTOs. */
public final class LoginRoutes implements ApiRouteGroup {
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
    public void register(ApiRoutes api) {
        Param id = Param.path("credential_id");
        api.post(CREDENTIALS, credentials("Store a credential (username, password, optional totp_secret and "
                + "allowed_domains; encrypted at rest, never returned)").body(CreateCredentialBody.class).created()
                .returns(CredentialResponse.class).errors(400, 422), this::create);
        api.get(CREDENTIALS, credentials("List credentials (metadata only)").returnsList(CredentialResponse.class),
                this::list);
        api.get(CREDENTIALS + "/{credential_id}", credentials("Get a credential (metadata only)").params(id)
                .returns(CredentialResponse.class).errors(404), this::get);
        api.delete(CREDENTIALS + "/{credential_id}", credentials("Delete a credential (queued tasks that name it "
                + "fail)").params(id).errors(404), this::delete);
        api.post(TOTP_CODES, Operation.of("totp_codes", "Push a one-time code (code, or the text of the email/SMS "
                + "as content) for a totp_identifier; used once, expires after 10 minutes")
                .body(PushTotpCodeBody.class).created().returns(TotpCodeResponse.class).errors(400, 422), this::push);
    }

    private static Operation credentials(String summary) {
        return Operation.of("credentials", summary);
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
