package io.skyvern.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A persistent browser session as a client sees it. {@code raw} keeps the server's full answer so
 * that fields added by newer servers are not lost to a client that does not know them yet.
 */
public record BrowserSessionInfo(String browserSessionId, String status, Integer timeoutMinutes, Instant createdAt,
                                 Instant closedAt, JsonNode raw) {
}
