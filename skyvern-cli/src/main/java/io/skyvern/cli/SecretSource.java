package io.skyvern.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a secret from a file or an environment variable, never from the command line (where
 * {@code ps} and the shell history would keep it). The value's trailing newline is dropped.
 */
final class SecretSource {
    private SecretSource() {
    }

    static Optional<String> read(String what, Path file, String envName, Map<String, String> env) {
        if (file != null) {
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8).replaceAll("\\r?\\n$", ""));
            } catch (IOException e) {
                throw new UsageException("Cannot read the " + what + " file " + file + ": " + e.getMessage());
            }
        }
        if (envName != null && !envName.isBlank()) {
            String value = env.get(envName);
            if (value == null || value.isEmpty()) {
                throw new UsageException("The environment variable " + envName + " (the " + what + ") is not set");
            }
            return Optional.of(value);
        }
        return Optional.empty();
    }
}
