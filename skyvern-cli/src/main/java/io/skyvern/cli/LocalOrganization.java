package io.skyvern.cli;

import io.skyvern.Skyvern;
import io.skyvern.auth.CreatedOrganization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * In-process commands act as the bootstrap organisation. When the data dir has none yet it is
 * created the way the server creates it, key written to {@code <data-dir>/credentials} (owner-only),
 * so that a server started later on the same data dir is usable with that key.
 */
final class LocalOrganization {
    private LocalOrganization() {
    }

    static String ensure(Skyvern skyvern) {
        return skyvern.organizations().findBootstrap().map(o -> o.organizationId()).orElseGet(() -> {
            CreatedOrganization created = skyvern.organizations().createBootstrap("bootstrap", Optional.empty());
            writeCredentials(skyvern.config().dataDir().resolve("credentials"), created);
            return created.organization().organizationId();
        });
    }

    private static void writeCredentials(Path file, CreatedOrganization created) {
        String content = "# Skyvern bootstrap credentials (created at first start)\n"
                + "organization_id=" + created.organization().organizationId() + "\n"
                + "api_key_id=" + created.firstKey().apiKey().apiKeyId() + "\n"
                + "api_key=" + created.firstKey().plaintextKey() + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
