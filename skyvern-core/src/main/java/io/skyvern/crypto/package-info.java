/**
 * Encryption at rest of secret values (credentials, pushed one-time codes): Google Tink's AEAD
 * (AES-256-GCM) under one key from {@code SKYVERN_ENCRYPTION_KEY} or the data dir's key file, and
 * the database's key check that stops a node started with another key.
 */
package io.skyvern.crypto;
