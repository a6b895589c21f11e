package io.skyvern.auth;

import io.skyvern.common.SkyvernException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;

/**
 * The data dir's bootstrap organisation, created at first use the one way the server, the CLI and
 * an embedding application all share: with an API key (the preset one if given) written to
 * {@code <data-dir>/credentials}, readable by the owner only, so that whichever starts first, the
 * others find the key there. The plaintext key is written nowhere else and never logged.
 */
public final class BootstrapOrganization {
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapOrganization.class);
    public static final String CREDENTIALS_FILE = "credentials";

    /** The organisation, and the credentials file when this call created it. */
    public record Ensured(Organization organization, Optional<Path> createdCredentials) {
        public Ensured {
            Objects.requireNonNull(organization, "organization");
            Objects.requireNonNull(createdCredentials, "createdCredentials");
        }
    }

    private BootstrapOrganization() {
    }

    /**
     * Finds the bootstrap organisation or creates it. Several processes starting at once on an
     * empty database: one creates it, the others lose the race on the database's unique guard and
     * find it.
     */
    public static Ensured ensure(OrganizationService organizations, Path dataDir, Optional<String> presetKey) {
        Optional<Organization> existing = organizations.findBootstrap();
        if (existing.isPresent()) {
            return new Ensured(existing.get(), Optional.empty());
        }
        CreatedOrganization created;
        try {
            created = organizations.createBootstrap("bootstrap", presetKey.filter(k -> !k.isBlank()));
        } catch (SkyvernException e) {
            Optional<Organization> other = organizations.findBootstrap();
            if (other.isPresent()) {
                LOG.info("Another node created the bootstrap organisation first");
                return new Ensured(other.get(), Optional.empty());
            }
            throw e;
        }
        Path file = dataDir.resolve(CREDENTIALS_FILE);
        write(file, "# Skyvern bootstrap credentials (created at first start)\n"
                + "organization_id=" + created.organization().organizationId() + "\n"
                + "api_key_id=" + created.firstKey().apiKey().apiKeyId() + "\n"
                + "api_key=" + created.firstKey().plaintextKey() + "\n");
        LOG.info("Created the bootstrap organisation {}; its API key is in {}",
                created.organization().organizationId(), file);
        return new Ensured(created.organization(), Optional.of(file));
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
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
