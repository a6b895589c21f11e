package io.skyvern.server.login;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of POST /api/v1/totp_codes: the identifier and either the code or the message text. */
public record PushTotpCodeBody(@JsonProperty(required = true) String totpIdentifier, String code, String content) {
    @Override
    public String toString() {
        return "PushTotpCodeBody[" + totpIdentifier + ", value hidden]";
    }
}
