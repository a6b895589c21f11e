package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.common.Page;
import io.skyvern.common.PageRequest;
import io.skyvern.script.Script;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code scripts list}: one line per script, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List replay scripts, newest first.")
final class ScriptsListCommand extends ClientCommand {
    @Option(names = "--page", defaultValue = "1", description = "Page number (1-based).")
    int page;

    @Option(names = "--page-size", defaultValue = "20", description = "Scripts per page (1..100).")
    int pageSize;

    @Override
    int run(SkyvernClient client) {
        Page<Script> scripts = client.listScripts(new PageRequest(page, pageSize));
        if (json()) {
            Output.json(out(), scripts);
            return ExitCodes.OK;
        }
        Output.table(out(), List.of("SCRIPT_ID", "VERSION", "CACHE_KEY", "MODIFIED_AT"), scripts.items().stream()
                .map(s -> List.of(s.scriptId(), String.valueOf(s.latestVersion()), s.cacheKey(),
                        String.valueOf(s.modifiedAt()))).toList());
        return ExitCodes.OK;
    }
}
