package io.skyvern.cli;

import picocli.CommandLine;

import java.util.concurrent.Callable;

/** A command that only groups subcommands: without one it shows its usage and exits with 2. */
abstract class GroupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("skyvern-cli: missing subcommand of '" + spec.name() + "'");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
