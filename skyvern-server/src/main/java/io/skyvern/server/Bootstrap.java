package io.skyvern.server;

import io.skyvern.auth.BootstrapOrganization;
import io.skyvern.auth.OrganizationService;

import java.nio.file.Path;
import java.util.Optional;

/**
 * First start: when no bootstrap organisation exists, creates it with an API key (the preset one if
 * given) and writes the key to {@code <data-dir>/credentials}, readable by the owner only. The log
 * names the file, never the key.
 */
final class Bootstrap {

    private Bootstrap() {
    }

    static Optional<Path> ensure(OrganizationService organizations, Path dataDir, String presetKey) {
        return BootstrapOrganization.ensure(organizations, dataDir, Optional.of(presetKey)).createdCredentials();
    }
}
