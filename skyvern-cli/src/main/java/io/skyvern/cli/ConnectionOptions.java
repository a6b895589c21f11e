package io.skyvern.cli;

import io.skyvern.Skyvern;
import io.skyvern.client.RemoteSkyvernClient;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.SkyvernConfig;
import picocli.CommandLine.Option;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where a command runs: against a server ({@code --server} and {@code --api-key}, or
 * SKYVERN_SERVER_URL and SKYVERN_API_KEY) or in-process over the data dir's database.
 */
final class ConnectionOptions {
    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:SKYVERN_SERVER_URL}",
            description = "Skyvern server to talk to (env SKYVERN_SERVER_URL); in-process when absent.")
    String server;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:SKYVERN_API_KEY}",
            description = "API key for --server (env SKYVERN_API_KEY).")
    String apiKey;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "In-process: data directory (database, artifacts, credentials); default ~/.skyvern.")
    String dataDir;

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "In-process: JDBC URL of the database; default an H2 file in the data dir.")
    String databaseUrl;

    boolean remote() {
        return server != null && !server.isBlank();
    }

    /**
     * A client for this command. In-process, {@code executeRuns} decides whether this process runs
     * queued work (run-task) or only reads and writes records (every other command).
     */
    ClientSession open(boolean executeRuns) {
        if (remote()) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new UsageException("--api-key (or SKYVERN_API_KEY) is required with --server");
            }
            return ClientSession.remote(RemoteSkyvernClient.connect(server, apiKey));
        }
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        if (dataDir != null) {
            overrides.put(ConfigKey.DATA_DIR, dataDir);
        }
        if (databaseUrl != null) {
            overrides.put(ConfigKey.DATABASE_URL, databaseUrl);
        }
        if (!executeRuns) {
            overrides.put(ConfigKey.WORKERS, "0");
        }
        return local(overrides);
    }

    /** An in-process session over the configuration with these overrides (they win over env and files). */
    static ClientSession local(Map<ConfigKey, String> overrides) {
        SkyvernConfig config = SkyvernConfig.load(overrides);
        Skyvern skyvern = Skyvern.create(config);
        try {
            String orgId = LocalOrganization.ensure(skyvern);
            return ClientSession.local(skyvern, skyvern.client(orgId));
        } catch (RuntimeException e) {
            skyvern.close();
            throw e;
        }
    }
}
