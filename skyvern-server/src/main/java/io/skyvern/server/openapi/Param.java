package io.skyvern.server.openapi;

/** A path, query or header parameter of an operation. */
public record Param(String name, String in, String type, boolean required, boolean repeated, String description) {
    static Param path(String name) {
        return new Param(name, "path", "string", true, false, "Identifier");
    }

    static Param query(String name, String type, String description) {
        return new Param(name, "query", type, false, false, description);
    }

    static Param repeatedQuery(String name, String description) {
        return new Param(name, "query", "string", false, true, description);
    }

    static Param header(String name, String description) {
        return new Param(name, "header", "string", false, false, description);
    }
}
