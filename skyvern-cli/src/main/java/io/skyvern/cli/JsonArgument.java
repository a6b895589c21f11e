package io.skyvern.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON given on the command line, inline or from a file ({@code @FILE}, or a path that exists). */
final class JsonArgument {
    private JsonArgument() {
    }

    /** {@code value} is inline JSON, {@code @path}, or (when {@code pathsAllowed}) an existing file. */
    static JsonNode read(String option, String value, boolean pathsAllowed) {
        if (value == null) {
            return null;
        }
        String text = value;
        String source = "inline JSON";
        if (value.startsWith("@") || (pathsAllowed && isFile(value))) {
            Path file = Path.of(value.startsWith("@") ? value.substring(1) : value);
            try {
                text = Files.readString(file);
                source = file.toString();
            } catch (IOException e) {
                throw new UsageException(option + ": cannot read " + file + " (" + e.getMessage() + ")");
            }
        }
        try {
            return Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UsageException(option + ": " + source + " is not valid JSON ("
                    + e.getOriginalMessage() + ")");
        }
    }

    private static boolean isFile(String value) {
        try {
            return !value.trim().startsWith("{") && Files.isRegularFile(Path.of(value));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
