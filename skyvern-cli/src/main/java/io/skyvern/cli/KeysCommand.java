package io.skyvern.cli;

import picocli.CommandLine.Command;

/** {@code keys}: the organisation's API keys. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage API keys.",
        subcommands = {KeysCreateCommand.class, KeysListCommand.class, KeysRevokeCommand.class})
final class KeysCommand extends GroupCommand {
}
