/**
 * The credential store: usernames, passwords and TOTP secrets kept encrypted at rest with an AEAD
 * (Google Tink, AES-256-GCM) whose key comes from {@code SKYVERN_ENCRYPTION_KEY} or a file
 * generated once in the data dir (see {@code io.skyvern.crypto}). The API sees metadata only; runs get the plain values through
 * {@link io.skyvern.credential.CredentialService#reveal}, as placeholders for the model.
 */
package io.skyvern.credential;
