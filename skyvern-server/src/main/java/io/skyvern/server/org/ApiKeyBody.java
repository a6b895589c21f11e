package io.skyvern.server.org;

/** The optional body of a new API key: its name (a default one when absent or blank). */
public record ApiKeyBody(String name) {
}
