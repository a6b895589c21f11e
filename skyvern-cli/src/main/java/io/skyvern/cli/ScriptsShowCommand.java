package io.skyvern.cli;

import io.skyvern.agent.ScriptAction;
import io.skyvern.agent.ScriptStep;
import io.skyvern.client.SkyvernClient;
import io.skyvern.script.ScriptDetails;
import io.skyvern.script.ScriptVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code scripts show ID}: the latest version's steps and actions, each with how its element is found. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a script: its versions and the latest one's steps and actions.")
final class ScriptsShowCommand extends ClientCommand {
    @Parameters(paramLabel = "SCRIPT_ID", description = "The script's id (scr_…).")
    String scriptId;

    @Override
    int run(SkyvernClient client) {
        ScriptDetails details = client.getScript(scriptId);
        if (json()) {
            Output.json(out(), details);
            return ExitCodes.OK;
        }
        out().println(details.script().scriptId() + "  key " + details.script().cacheKey() + "  versions "
                + details.versions().size());
        if (!details.versions().isEmpty()) {
            ScriptVersion latest = details.versions().get(0);
            out().println("version " + latest.version() + " from task " + latest.taskId());
            int n = 0;
            for (ScriptStep step : latest.steps()) {
                out().println("  step " + (++n) + "  " + step.url());
                for (ScriptAction a : step.actions()) {
                    String target = a.element() == null ? "" : "  " + (a.element().role().isEmpty() ? a.element().tag()
                            : a.element().role()) + " \"" + a.element().name() + "\"";
                    String key = a.payloadKey() == null ? "" : "  <- " + a.payloadKey();
                    out().println("    " + a.actionType() + target + key);
                }
            }
        }
        out().flush();
        return ExitCodes.OK;
    }
}
