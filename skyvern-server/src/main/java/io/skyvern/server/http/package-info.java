/**
 * Shared HTTP plumbing of the endpoints: route registration with each route's documented
 * {@link io.skyvern.server.http.Operation} and {@link io.skyvern.server.http.Access} role
 * ({@link io.skyvern.server.http.ApiRoutes}), the response envelope, request attributes, body and
 * query-parameter parsing that turns malformed input into 422 field errors.
 * ({@link io.skyvern.server.http.RouteGroup} is for the dashboard's HTML pages, which are not API
 * operations.)
 */
package io.skyvern.server.http;
