package io.skyvern.cli;

import picocli.CommandLine.Command;

/** {@code scripts}: the replay scripts recorded from completed runs. */
@Command(name = "scripts", mixinStandardHelpOptions = true,
        description = "List, show and delete replay scripts (recorded from completed runs).",
        subcommands = {ScriptsListCommand.class, ScriptsShowCommand.class, ScriptsDeleteCommand.class})
final class ScriptsCommand extends GroupCommand {
}
