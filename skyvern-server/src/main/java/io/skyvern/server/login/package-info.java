/** /api/v1/credentials and /api/v1/totp_codes: the credential store (metadata only out) and pushed one-time codes. */
package io.skyvern.server.login;
