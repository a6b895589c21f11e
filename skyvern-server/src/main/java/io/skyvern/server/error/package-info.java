/**
 * Maps every failure to the error envelope once: SkyvernException by its ErrorCode, malformed
 * input to 422, Javalin's 404/405/413 to specific codes (NOT_FOUND, METHOD_NOT_ALLOWED, PAYLOAD_TOO_LARGE), anything else to 500.
 */
package io.skyvern.server.error;
