package io.skyvern.cli;

import picocli.CommandLine.Command;

/** {@code org}: organisations. */
@Command(name = "org", mixinStandardHelpOptions = true, description = "Manage organisations.",
        subcommands = {OrgCreateCommand.class})
final class OrgCommand extends GroupCommand {
}
