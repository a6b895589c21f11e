package io.skyvern.server;

import io.skyvern.auth.BootstrapOrganization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.skyvern.auth.Organization;
import io.skyvern.auth.OrganizationService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * First start: when no bootstrap organisation exists, creates it with an API key (the preset one if
 * given) and writes the key to {@code <data-dir>/credentials}, readable by the owner only. The log
 * names the file, never the key.
 */
final class Bootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    private Bootstrap() {
    }

    static Optional<Path> ensure(OrganizationService organizations, Path dataDir, String presetKey) {
        return BootstrapOrganization.ensure(organizations, dataDir, Optional.of(presetKey)).createdCredentials();
    }

    /**
     * The warning to log at start when {@code <data-dir>/credentials} names an API key of the
     * bootstrap organisation that has been revoked since (the file is written once and never
     * updated, so an operator reading it would hold a dead key); empty otherwise.
     */
    static Optional<String> revokedCredentialsWarning(OrganizationService organizations, Path dataDir) {
        Path file = dataDir.resolve("credentials");
        Optional<Organization> bootstrap = organizations.findBootstrap();
        if (bootstrap.isEmpty() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Optional<String> keyId;
        try {
            keyId = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("api_key_id=")).map(line -> line.substring(11).trim()).findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        return keyId.flatMap(id -> organizations.listApiKeys(bootstrap.get().organizationId()).stream()
                        .filter(k -> k.apiKeyId().equals(id) && k.isRevoked()).findFirst())
                .map(k -> file + " holds the API key " + k.apiKeyId() + ", which was revoked at " + k.revokedAt()
                        + "; it no longer authenticates. Replace the file's key or delete the file.");
    }

    /** Logs {@link #revokedCredentialsWarning} if there is one. */
    static void warnIfCredentialsRevoked(OrganizationService organizations, Path dataDir) {
        revokedCredentialsWarning(organizations, dataDir).ifPresent(LOG::warn);
    }
}
