/**
 * One-time codes for logins that ask for a second factor: RFC 6238 codes generated from a stored
 * secret ({@link io.skyvern.totp.TotpGenerator}), codes pushed to the API for an email address or
 * phone number ({@link io.skyvern.totp.TotpCodeService}), and codes pulled from a client's URL
 * ({@link io.skyvern.totp.TotpUrlPoller}). The agent types them through placeholders; no code or
 * secret is ever logged.
 */
package io.skyvern.totp;
