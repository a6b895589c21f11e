package io.skyvern.server.login;

/** The body of POST /api/v1/totp_codes: the identifier and either the code or the message text. */
public record PushTotpCodeBody(String totpIdentifier, String code, String content) {
    @Override
    public String toString() {
        return "PushTotpCodeBody[" + totpIdentifier + ", value hidden]";
    }
}
