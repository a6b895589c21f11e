package io.skyvern.cli;

import io.skyvern.Skyvern;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.DatabaseConfig;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiTaskRepositories;
import io.skyvern.server.ServerConfig;
import io.skyvern.server.SkyvernServer;
import io.skyvern.task.TaskRepositories;
import io.skyvern.testing.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * A real server on a free loopback port over a fresh database, without workers (nothing executes
 * tasks: tests drive task state through the repositories), plus the same database opened directly.
 */
final class CliTestServer implements AutoCloseable {
    final Skyvern skyvern;
    final SkyvernServer server;
    final String apiKey;
    final String organizationId;
    final Path dataDir;
    final DatabaseConfig databaseConfig;
    final Database database;
    final TaskRepositories repositories;

    private CliTestServer(Skyvern skyvern, SkyvernServer server, String apiKey, Path dataDir,
                          DatabaseConfig databaseConfig) {
        this.skyvern = skyvern;
        this.server = server;
        this.apiKey = apiKey;
        this.organizationId = skyvern.organizations().findBootstrap().orElseThrow().organizationId();
        this.dataDir = dataDir;
        this.databaseConfig = databaseConfig;
        this.database = Database.open(databaseConfig);
        this.repositories = JdbiTaskRepositories.create(database);
    }

    static CliTestServer start() {
        try {
            Path dataDir = Files.createTempDirectory("skyvern-cli-it");
            DatabaseConfig db = TestDatabases.fresh();
            SkyvernConfig config = SkyvernConfig.load(Map.of(ConfigKey.DATA_DIR, dataDir.toString(),
                    ConfigKey.WORKERS, "0")).withDatabase(db);
            Skyvern skyvern = Skyvern.create(config);
            String key = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
            SkyvernServer server = SkyvernServer.start(skyvern,
                    ServerConfig.defaults().withPort(0).withBootstrapApiKey(key).withRateLimitPerMinute(100_000));
            return new CliTestServer(skyvern, server, key, dataDir, db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The flags that point a command at this server. */
    String[] remote(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server";
        all[args.length + 1] = url();
        all[args.length + 2] = "--api-key";
        all[args.length + 3] = apiKey;
        return all;
    }

    /** The flags that run a command in-process over this server's database and data dir. */
    String[] local(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dataDir.toString();
        all[args.length + 2] = "--database-url";
        all[args.length + 3] = databaseConfig.url();
        return all;
    }

    @Override
    public void close() {
        server.close();
        database.close();
        skyvern.close();
        io.skyvern.testing.TempDirs.delete(dataDir);
    }
}
