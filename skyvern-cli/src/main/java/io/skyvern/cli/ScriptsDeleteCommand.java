package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Map;

/** {@code scripts delete ID}: the next auto run records a new script. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a script and its versions (the next auto run records a new one).")
final class ScriptsDeleteCommand extends ClientCommand {
    @Parameters(paramLabel = "SCRIPT_ID", description = "The script's id (scr_…).")
    String scriptId;

    @Override
    int run(SkyvernClient client) {
        client.deleteScript(scriptId);
        if (json()) {
            Output.json(out(), Map.of("script_id", scriptId, "deleted", true));
        } else {
            out().println(scriptId + " deleted");
            out().flush();
        }
        return ExitCodes.OK;
    }
}
