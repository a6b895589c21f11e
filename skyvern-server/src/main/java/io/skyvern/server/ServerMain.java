package io.skyvern.server;

import io.skyvern.Skyvern;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.SkyvernConfig;

import java.io.PrintStream;
import java.util.EnumMap;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar skyvern-server.jar [--port N] [--host H] [--data-dir DIR] [--database-url URL]
 * [--workers N]}. Flags override SKYVERN_* environment variables. Bad flags or configuration print
 * one line and exit with status 2. SIGTERM (and Ctrl-C) stop gracefully ({@link GracefulShutdown});
 * after a SIGTERM the exit status is 0.
 */
public final class ServerMain {
    private static final String USAGE = "usage: skyvern-server [--port N] [--host HOST] [--data-dir DIR] "
            + "[--database-url JDBC_URL] [--workers N] [--version]";

    private ServerMain() {
    }

    public static void main(String[] args) {
        TermSignal.exitZeroOnTerm(System.err);
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Starts the server and blocks until the JVM shuts down; returns an exit status on bad input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<ConfigKey, String> overrides = new EnumMap<>(ConfigKey.class);
        ServerConfig serverConfig;
        try {
            serverConfig = ServerConfig.fromEnvironment(System.getenv());
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                if (flag.equals("--version") || flag.equals("-V")) {
                    out.println("skyvern-server " + version());
                    return 0;
                }
                if (!VALUE_FLAGS.contains(flag)) {
                    throw new IllegalArgumentException((flag.startsWith("-") ? "unknown option " : "unexpected argument ")
                            + flag + " (" + USAGE + ")");
                }
                String value = flagValue(args, i, flag);
                i++;
                switch (flag) {
                    case "--port" -> serverConfig = serverConfig.withPort(parsePort(value));
                    case "--host" -> serverConfig = serverConfig.withHost(value);
                    case "--data-dir" -> overrides.put(ConfigKey.DATA_DIR, value);
                    case "--database-url" -> overrides.put(ConfigKey.DATABASE_URL, value);
                    case "--workers" -> overrides.put(ConfigKey.WORKERS, value);
                    default -> throw new IllegalArgumentException("unknown option " + flag + " (" + USAGE + ")");
                }
            }
        } catch (IllegalArgumentException | SkyvernException e) {
            err.println("skyvern-server: " + e.getMessage());
            return 2;
        }
        SkyvernConfig config;
        try {
            config = SkyvernConfig.load(overrides);
        } catch (SkyvernException e) {
            err.println("skyvern-server: " + e.getMessage());
            return 2;
        }
        Optional<String> busy = PortCheck.busy(serverConfig.host(), serverConfig.port());
        if (busy.isPresent()) {
            err.println("skyvern-server: " + busy.get());
            return 2;
        }
        Skyvern skyvern;
        try {
            skyvern = Skyvern.create(config);
        } catch (SkyvernException e) {
            // e.g. another encryption key than the database's secrets were stored with: one clear line
            err.println("skyvern-server: " + e.getMessage());
            return 2;
        }
        SkyvernServer server;
        try {
            server = SkyvernServer.start(skyvern, serverConfig);
        } catch (RuntimeException e) {
            // taken between the check and the bind: still one line, and nothing left running
            skyvern.close();
            if (PortCheck.isBindFailure(e)) {
                err.println("skyvern-server: " + PortCheck.message(serverConfig.host(), serverConfig.port()));
                return 2;
            }
            throw e;
        }
        String listening = "Skyvern server listening on http://" + serverConfig.host() + ":" + server.port();
        if (serverConfig.logFormat() == ServerConfig.LogFormat.JSON) {
            // SKYVERN_LOG_FORMAT=json: every line the server writes is a JSON object
            LoggerFactory.getLogger(ServerMain.class).info(listening);
        } else {
            out.println(listening);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        GracefulShutdown shutdown = new GracefulShutdown(server, skyvern, config.runs().shutdownGrace());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown.run();
            stopped.countDown();
        }, "skyvern-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static final Set<String> VALUE_FLAGS = Set.of("--port", "--host", "--data-dir", "--database-url",
            "--workers");

    /** This build's version (from the jar's skyvern-server.properties). */
    static String version() {
        try (InputStream in = ServerMain.class.getResourceAsStream("/skyvern-server.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String flagValue(String[] args, int i, String flag) {
        if (!flag.startsWith("--")) {
            throw new IllegalArgumentException("unexpected argument '" + flag + "' (" + USAGE + ")");
        }
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new IllegalArgumentException("option " + flag + " needs a value");
        }
        return args[i + 1];
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535 (got '" + value + "')");
    }
}
