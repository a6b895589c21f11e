package io.skyvern.cli;

import picocli.CommandLine.Command;

/** {@code sessions}: persistent browser sessions that several tasks can share. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "Open, list and close persistent browser sessions.",
        subcommands = {SessionsCreateCommand.class, SessionsListCommand.class, SessionsCloseCommand.class})
final class SessionsCommand extends GroupCommand {
}
