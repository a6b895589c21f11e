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
            } catch (java.nio.file.NoSuchFileException e) {
                throw new UsageException(option + ": " + file + " does not exist");
            } catch (IOException e) {
                throw new UsageException(option + ": cannot read " + file + " (" + e.getMessage() + ")");
            }
        }
        if (pathsAllowed && source.equals("inline JSON") && looksLikePath(value)) {
            throw new UsageException(option + ": " + value + " does not exist (give a JSON file or inline JSON)");
        }
        try {
            return Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UsageException(option + ": " + source + " is not valid JSON ("
                    + e.getOriginalMessage() + ")");
        }
    }

    /** Not JSON at all, and shaped like a file name: {@code /x.json}, {@code ./s.json}, {@code schema.json}. */
    private static boolean looksLikePath(String value) {
        String v = value.trim();
        return !v.isEmpty() && "{[\"".indexOf(v.charAt(0)) < 0 && !v.equals("true") && !v.equals("false")
                && !v.equals("null") && (v.contains("/") || v.contains("\\") || v.endsWith(".json"));
    }

    private static boolean isFile(String value) {
        try {
            return !value.trim().startsWith("{") && Files.isRegularFile(Path.of(value));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
