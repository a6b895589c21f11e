/**
 * The OpenAPI 3.1 document and the docs pages. The document is built in code from the router's
 * endpoints (each API route carries its {@link io.skyvern.server.http.Operation}, attached where
 * the route is registered) and the DTO records; there is no separate list of routes.
 */
package io.skyvern.server.openapi;
