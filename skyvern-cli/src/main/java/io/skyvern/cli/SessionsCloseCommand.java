package io.skyvern.cli;

import io.skyvern.client.BrowserSessionInfo;
import io.skyvern.client.SkyvernClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code sessions close ID}. */
@Command(name = "close", mixinStandardHelpOptions = true, description = "Close a browser session.")
final class SessionsCloseCommand extends ClientCommand {
    @Parameters(paramLabel = "SESSION_ID", description = "The session id (pbs_…).")
    String sessionId;

    @Override
    int run(SkyvernClient client) {
        BrowserSessionInfo closed = client.closeBrowserSession(sessionId);
        SessionsListCommand.print(out(), json(), List.of(closed), true);
        return ExitCodes.OK;
    }
}
