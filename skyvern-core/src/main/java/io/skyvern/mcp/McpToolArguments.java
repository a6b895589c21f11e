package io.skyvern.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tool call's arguments, read leniently by type; a missing required one is a VALIDATION_ERROR. */
record McpToolArguments(Map<String, Object> values) {
    McpToolArguments {
        values = values == null ? Map.of() : values;
    }

    String required(String name) {
        return text(name).orElseThrow(() -> new SkyvernException(ErrorCode.VALIDATION_ERROR,
                name + " is required", List.of(name + ": Field required")));
    }

    Optional<String> text(String name) {
        Object value = values.get(name);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }

    Optional<Integer> integer(String name) {
        Object value = values.get(name);
        if (value instanceof Number n) {
            return Optional.of(n.intValue());
        }
        try {
            return text(name).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR, name + " must be an integer",
                    List.of(name + ": must be an integer"));
        }
    }

    /** An object or array argument as JSON (a string holding JSON is accepted too). */
    Optional<JsonNode> json(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Json.mapper().readTree(s));
            } catch (Exception e) {
                throw new SkyvernException(ErrorCode.VALIDATION_ERROR, name + " is not valid JSON",
                        List.of(name + ": not valid JSON"));
            }
        }
        return Optional.of(Json.mapper().valueToTree(value));
    }
}
