package io.skyvern.cli;

import io.skyvern.server.ServerMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code serve}: the REST server, exactly as {@code java -jar skyvern-server.jar} with the same
 * flags (it delegates to the server's main). Blocks until the process is stopped.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the Skyvern REST server (same flags as skyvern-server.jar).")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Port (default 8000; 0 = any free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "Interface to listen on (default 127.0.0.1).")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default ~/.skyvern).")
    String dataDir;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", description = "JDBC URL of the database.")
    String databaseUrl;

    @Option(names = "--workers", paramLabel = "N", description = "Runs executed at once (0 = API only).")
    Integer workers;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        add(args, "--port", port);
        add(args, "--host", host);
        add(args, "--data-dir", dataDir);
        add(args, "--database-url", databaseUrl);
        add(args, "--workers", workers);
        return ServerMain.run(args.toArray(String[]::new), System.out, System.err);
    }

    private static void add(List<String> args, String flag, Object value) {
        if (value != null) {
            args.add(flag);
            args.add(value.toString());
        }
    }
}
