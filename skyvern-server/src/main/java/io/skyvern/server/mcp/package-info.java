/**
 * The server's /mcp endpoint: MCP tools over streamable HTTP, authenticated by API key, behind the
 * same Javalin middleware as the REST API (see {@link io.skyvern.server.mcp.ServletAsyncBridge} for
 * how the SDK's asynchronous servlet runs inside a Javalin handler).
 */
package io.skyvern.server.mcp;
