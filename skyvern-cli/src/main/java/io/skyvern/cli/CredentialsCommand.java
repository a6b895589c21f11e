package io.skyvern.cli;

import picocli.CommandLine.Command;

/** {@code credentials}: the organisation's stored logins (secrets never shown). */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "Manage stored credentials (encrypted; secrets are never shown).",
        subcommands = {CredentialsCreateCommand.class, CredentialsListCommand.class, CredentialsDeleteCommand.class})
final class CredentialsCommand extends GroupCommand {
}
