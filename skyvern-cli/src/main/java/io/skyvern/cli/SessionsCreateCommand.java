package io.skyvern.cli;

import io.skyvern.client.BrowserSessionInfo;
import io.skyvern.client.SkyvernClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sessions create [--timeout-minutes N]}. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Open a persistent browser session.")
final class SessionsCreateCommand extends ClientCommand {
    @Option(names = "--timeout-minutes", paramLabel = "N", description = "Close it after N idle minutes.")
    Integer timeoutMinutes;

    @Override
    int run(SkyvernClient client) {
        BrowserSessionInfo session = client.createBrowserSession(timeoutMinutes);
        SessionsListCommand.print(out(), json(), java.util.List.of(session), true);
        return ExitCodes.OK;
    }
}
