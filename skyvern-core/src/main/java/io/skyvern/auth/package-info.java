/**
 * Organisations, their limits and API keys: keys are random (32 bytes), shown once, stored as
 * SHA-256 hashes and compared in constant time.
 */
package io.skyvern.auth;
