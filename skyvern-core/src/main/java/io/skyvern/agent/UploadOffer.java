package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The files a task offers for upload: string values of its user data that are absolute paths of
 * existing regular files. Only these may be uploaded, whatever the model asks for.
 */
final class UploadOffer {
    private UploadOffer() {
    }

    static Set<Path> filesOffered(JsonNode payload) {
        Set<Path> files = new HashSet<>();
        collect(payload, files);
        return Set.copyOf(files);
    }

    private static void collect(JsonNode node, Set<Path> files) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String text = node.asText();
            if (text.startsWith("/")) {
                try {
                    Path path = Path.of(text).toAbsolutePath().normalize();
                    if (Files.isRegularFile(path)) {
                        files.add(path);
                    }
                } catch (InvalidPathException ignored) {
                    // not a path: an ordinary value
                }
            }
            return;
        }
        node.forEach(child -> collect(child, files));
    }
}
