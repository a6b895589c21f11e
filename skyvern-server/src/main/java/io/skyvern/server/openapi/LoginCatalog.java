package io.skyvern.server.openapi;

import io.skyvern.server.login.CreateCredentialBody;
import io.skyvern.server.login.CredentialResponse;
import io.skyvern.server.login.LoginRoutes;
import io.skyvern.server.login.PushTotpCodeBody;
import io.skyvern.server.login.TotpCodeResponse;

import java.util.List;

/** The documented operations of {@link LoginRoutes}, for the OpenAPI document. */
final class LoginCatalog {
    private LoginCatalog() {
    }

    static List<Operation> operations() {
        String c = LoginRoutes.CREDENTIALS;
        List<Param> id = List.of(Param.path("credential_id"));
        return List.of(
                op("POST", c, "Store a credential (username, password, optional totp_secret and allowed_domains; "
                        + "encrypted at rest, never returned)", List.of(), CreateCredentialBody.class, 201,
                        CredentialResponse.class, false, List.of(400, 422)),
                op("GET", c, "List credentials (metadata only)", List.of(), null, 200, CredentialResponse.class,
                        true, List.of()),
                op("GET", c + "/{credential_id}", "Get a credential (metadata only)", id, null, 200,
                        CredentialResponse.class, false, List.of(404)),
                op("DELETE", c + "/{credential_id}", "Delete a credential (queued tasks that name it fail)", id,
                        null, 200, null, false, List.of(404)),
                new Operation("POST", LoginRoutes.TOTP_CODES, "totp_codes", "Push a one-time code (code, or the "
                        + "text of the email/SMS as content) for a totp_identifier; used once, expires after 10 "
                        + "minutes", List.of(), PushTotpCodeBody.class, 201, TotpCodeResponse.class, false,
                        List.of(400, 422), true));
    }

    private static Operation op(String method, String path, String summary, List<Param> params, Class<?> body,
                                int status, Class<?> data, boolean list, List<Integer> errors) {
        return new Operation(method, path, "credentials", summary, params, body, status, data, list, errors, true);
    }
}
