/** Skyvern as MCP tools (official MCP Java SDK), for AI assistants: over stdio and streamable HTTP. */
package io.skyvern.mcp;
