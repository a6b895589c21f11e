package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A subcommand that talks to Skyvern through a {@link SkyvernClient}: opens it (in-process or
 * remote), runs, closes it. Subclasses only say what to do with the client.
 */
abstract class ClientCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        try (ClientSession session = connection.open(executesRuns())) {
            return run(session.client());
        }
    }

    abstract int run(SkyvernClient client) throws Exception;

    /** In-process, whether this command executes queued runs itself (starts workers). */
    boolean executesRuns() {
        return false;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    boolean json() {
        return output.json;
    }
}
