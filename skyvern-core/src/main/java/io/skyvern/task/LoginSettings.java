package io.skyvern.task;

import java.util.Optional;

/**
 * How a run signs in: a stored credential ({@code credential_id}) whose values become placeholders,
 * and where one-time codes come from for {@code {{totp}}}: codes pushed to the API for
 * {@code totp_identifier} (an email address or phone number), or {@code totp_verification_url},
 * polled. All optional; {@link #NONE} has none.
 */
public record LoginSettings(Optional<String> credentialId, Optional<String> totpIdentifier,
                            Optional<String> totpVerificationUrl) {
    public static final LoginSettings NONE = new LoginSettings(Optional.empty(), Optional.empty(), Optional.empty());

    public LoginSettings {
        credentialId = blankToEmpty(credentialId);
        totpIdentifier = blankToEmpty(totpIdentifier);
        totpVerificationUrl = blankToEmpty(totpVerificationUrl);
    }

    /** From nullable values (a request body). */
    public static LoginSettings of(String credentialId, String totpIdentifier, String totpVerificationUrl) {
        return new LoginSettings(Optional.ofNullable(credentialId), Optional.ofNullable(totpIdentifier),
                Optional.ofNullable(totpVerificationUrl));
    }

    public boolean isEmpty() {
        return credentialId.isEmpty() && totpIdentifier.isEmpty() && totpVerificationUrl.isEmpty();
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::trim).filter(v -> !v.isEmpty());
    }
}
