package io.skyvern.cli;

import picocli.CommandLine.Command;

/** {@code totp}: one-time codes for tasks waiting on {@code {{totp}}}. */
@Command(name = "totp", mixinStandardHelpOptions = true, description = "Push one-time codes to waiting runs.",
        subcommands = {TotpPushCommand.class})
final class TotpCommand extends GroupCommand {
}
