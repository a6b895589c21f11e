package io.skyvern.server.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A path, query or header parameter of an {@link Operation}; {@code values} is its closed set of
 * values (empty: any), taken from a core enum so a new constant shows up in the document unedited.
 */
public record Param(String name, String in, String type, boolean required, boolean repeated, String description,
                    List<String> values) {
    public Param {
        values = List.copyOf(values);
    }

    public static Param path(String name) {
        return new Param(name, "path", "string", true, false, "Identifier", List.of());
    }

    public static Param query(String name, String type, String description) {
        return new Param(name, "query", type, false, false, description, List.of());
    }

    public static Param repeatedQuery(String name, String description) {
        return new Param(name, "query", "string", false, true, description, List.of());
    }

    public static Param header(String name, String description) {
        return new Param(name, "header", "string", false, false, description, List.of());
    }

    /** This parameter takes one of the enum's wire names (its lower-case constant names). */
    public Param oneOf(Enum<?>[] constants) {
        return new Param(name, in, type, required, repeated, description,
                Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }
}
