/**
 * The middleware as named handlers, in the specification's order: X-Request-ID, client address,
 * CORS, X-Process-Time, rate limit ({@code before}: every request); authentication and the NUL
 * guard ({@code beforeMatched}: matched routes); then body drain, X-Process-Time, access log and
 * metrics ({@code after}). Gzip is Javalin's compression.
 *
 * <p>Which of Javalin 7's own pieces we use, and why not the others (issue #14):
 * <ul>
 * <li><b>Route roles with {@code beforeMatched}</b> for authentication: used. API routes are
 *     registered with an {@code Access} role (by {@code ApiRoutes}, from their operation)
 *     and {@link io.skyvern.server.middleware.AuthHandler} checks {@code ctx.routeRoles()}, not the
 *     path. Measured with {@code bench/api-ab.sh} (the jar before and after, side by side, an
 *     authenticated GET of a task, 4 connections, 2-core machine at load average 17 to 20): warmed
 *     rounds 6,690 and 5,754 req/s, 0.128 and 0.129 ms server CPU per request before; 6,672 and
 *     6,285 req/s, 0.118 and 0.121 ms after: no cost within the noise.</li>
 * <li><b>Rate limit</b>: stays a {@code before} handler, not a {@code beforeMatched} one. It has to
 *     count requests that match no route too (404 scans, 405 probes, wrong keys on unknown paths),
 *     which {@code beforeMatched} never sees. Javalin's bundled {@code RateLimitPlugin} is not used
 *     either: it counts fixed windows reset by a scheduled executor, is called from each handler, and
 *     answers 429 without X-Rate-Limit-Remaining or Retry-After; ours is a token bucket per API key
 *     (per address without one) with both headers and the error envelope.</li>
 * <li><b>Bundled {@code CorsPlugin}</b>: not used; {@link io.skyvern.server.middleware.CorsHandler}
 *     stays. The plugin lets a preflight run through routing (our 405 envelope is written first) and
 *     rewrites a 404/405 to an empty 200 in an {@code after} handler; a preflight from an origin it
 *     does not allow gets no CORS headers but still goes on to routing. Ours answers an allowed
 *     preflight at once with 204 (no routing, no rate-limit bucket) and refuses another origin with
 *     403 in the API envelope with its request id, which {@code MiddlewareIT} and the README state.
 *     The plugin also cannot express "any origin, with credentials" except by reflecting the origin,
 *     which is what we do anyway.</li>
 * <li><b>{@code ctx.bodyAsBytes()} with {@code config.http.maxRequestSize}</b>: used by
 *     {@code Bodies} and by /mcp; Javalin counts the bytes as it reads (chunked bodies too) and
 *     throws 413, which we answer as PAYLOAD_TOO_LARGE.</li>
 * <li><b>{@link io.skyvern.server.middleware.MiddlewareChain}</b> stays: it only groups handlers
 *     into one Javalin before/after handler, because Javalin wraps, path-matches and copies each
 *     handler per request (a few percent of a small request's CPU with ten of them). Dispatch by
 *     role is Javalin's.</li>
 * </ul>
 */
package io.skyvern.server.middleware;
