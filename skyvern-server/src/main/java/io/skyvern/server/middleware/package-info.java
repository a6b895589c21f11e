/**
 * The middleware chain as named handlers, in the specification's order: CORS, (gzip by Javalin's
 * compression), X-Request-ID, X-Process-Time, rate limit, request log, authentication.
 */
package io.skyvern.server.middleware;
