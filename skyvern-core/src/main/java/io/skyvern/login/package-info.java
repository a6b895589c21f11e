/**
 * Signing in during a run: the login settings a task or block names (credential, totp_identifier,
 * totp_verification_url), kept per run, and {@link io.skyvern.login.RunSecretsFactory}, which turns
 * them into the run's {@link io.skyvern.agent.PayloadSecrets}: the credential's values as
 * domain-limited placeholders and {@code {{totp}}} backed by pushed codes or a polled URL.
 */
package io.skyvern.login;
