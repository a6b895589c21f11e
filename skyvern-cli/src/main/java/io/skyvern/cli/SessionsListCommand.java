package io.skyvern.cli;

import io.skyvern.client.BrowserSessionInfo;
import io.skyvern.client.SkyvernClient;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** {@code sessions list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List browser sessions.")
final class SessionsListCommand extends ClientCommand {
    @Override
    int run(SkyvernClient client) {
        print(out(), json(), client.listBrowserSessions(), false);
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, boolean json, List<BrowserSessionInfo> sessions, boolean single) {
        if (json) {
            Object raw = single ? sessions.get(0).raw() : sessions.stream().map(BrowserSessionInfo::raw).toList();
            Output.json(out, raw);
            return;
        }
        Output.table(out, List.of("SESSION_ID", "STATUS", "TIMEOUT_MINUTES", "CREATED_AT"), sessions.stream()
                .map(s -> List.of(s.browserSessionId(), Output.orDash(s.status()), Output.orDash(s.timeoutMinutes()),
                        Output.orDash(s.createdAt()))).toList());
    }
}
