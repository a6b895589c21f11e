/** The server's /mcp endpoint: MCP tools over streamable HTTP, authenticated by API key. */
package io.skyvern.server.mcp;
