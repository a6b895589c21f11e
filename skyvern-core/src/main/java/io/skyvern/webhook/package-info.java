/**
 * Webhooks: signed JSON deliveries to the callback URL of a task or workflow run (HMAC-SHA256 of
 * the exact body with the organisation's key in {@code x-skyvern-signature}, unix seconds in
 * {@code x-skyvern-timestamp}), retried with exponential backoff, every attempt kept in the
 * delivery log, and a guard against requests into private networks.
 */
package io.skyvern.webhook;
