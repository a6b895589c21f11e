package io.skyvern.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code completion}: bash/zsh completion; {@code source <(skyvern-cli completion)}. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print the bash (and zsh) completion script: source <(skyvern-cli completion)")
final class CompletionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash(root.getCommandName(), root));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
