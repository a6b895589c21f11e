/** /api/v1/organizations and /api/v1/api_keys: the caller's organisation, new organisations, keys. */
package io.skyvern.server.org;
