package io.skyvern.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code skyvern-cli}: the root command. {@link #main} configures quiet logging before anything
 * else loads, runs the command line and exits with its status.
 */
@Command(name = "skyvern-cli", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "AI browser automation from the terminal: in-process by default, or against a "
                + "Skyvern server with --server URL --api-key KEY.",
        subcommands = {RunTaskCommand.class, DemoCommand.class, TasksCommand.class, WorkflowsCommand.class, SessionsCommand.class,
                OrgCommand.class, KeysCommand.class, CredentialsCommand.class, TotpCommand.class, ScriptsCommand.class, ServeCommand.class,
                VersionCommand.class, McpCommand.class,
                CompletionCommand.class},
        footer = {"", "Exit status: 0 success (task completed), 1 failure (task failed or terminated),",
                "2 usage or configuration error, 3 task canceled or timed out."})
public final class SkyvernCli implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces and library logs.")
    boolean debug;

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-cli.xml");
        }
        if (Arrays.asList(args).contains("--debug")) {
            System.setProperty("skyvern.cli.log.level", "INFO");
        }
        System.exit(commandLine().execute(LeadingOptions.moveToEnd(args)));
    }

    /** The configured command line (error handling, exit codes); tests set its writers. */
    public static CommandLine commandLine() {
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(new SkyvernCli())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Runs {@code args} with the given writers and returns the exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(LeadingOptions.moveToEnd(args));
    }

    /** No subcommand: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("skyvern-cli: missing command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
