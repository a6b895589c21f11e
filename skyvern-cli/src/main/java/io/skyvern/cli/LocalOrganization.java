package io.skyvern.cli;

import io.skyvern.Skyvern;

/**
 * In-process commands act as the bootstrap organisation. When the data dir has none yet it is
 * created the way the server creates it, key written to {@code <data-dir>/credentials} (owner-only),
 * so that a server started later on the same data dir is usable with that key.
 */
final class LocalOrganization {
    private LocalOrganization() {
    }

    static String ensure(Skyvern skyvern) {
        return skyvern.bootstrapOrganization().organizationId();
    }
}
