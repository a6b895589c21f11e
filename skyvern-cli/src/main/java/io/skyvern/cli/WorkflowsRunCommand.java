package io.skyvern.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.client.SkyvernClient;
import io.skyvern.common.Json;
import io.skyvern.workflow.StartRunRequest;
import io.skyvern.workflow.WorkflowRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code workflows run ID --param k=v …}: queues a run; workers (a server, or {@code serve}) execute it. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start a run of a workflow; it is queued for the workers of a server (or serve) on this database.")
final class WorkflowsRunCommand extends ClientCommand {
    @Parameters(paramLabel = "WORKFLOW_ID", description = "The workflow id (wf_…).")
    String workflowId;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "A run parameter; VALUE is read as JSON when it parses (42, true, [1,2], {\"a\":1}), "
                    + "else as text. Repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--webhook", paramLabel = "URL", description = "URL to notify when the run ends.")
    String webhook;

    @Option(names = "--max-minutes", paramLabel = "N", description = "Time limit of the run in minutes.")
    Integer maxMinutes;

    @Option(names = "--browser-session", paramLabel = "ID", description = "Run in this persistent browser session.")
    String browserSession;

    @Override
    int run(SkyvernClient client) {
        ObjectNode parameters = Json.mapper().createObjectNode();
        params.forEach((k, v) -> parameters.set(k, value(v)));
        WorkflowRun run = client.startWorkflowRun(workflowId, new StartRunRequest(parameters, null, webhook,
                maxMinutes, browserSession));
        if (json()) {
            Output.json(out(), run);
        } else {
            out().println(run.workflowRunId() + " " + run.status().wireName());
            out().flush();
        }
        return ExitCodes.OK;
    }

    static JsonNode value(String raw) {
        try {
            JsonNode parsed = Json.mapper().readTree(raw);
            if (parsed != null && !parsed.isMissingNode()) {
                return parsed;
            }
        } catch (IOException notJson) {
            // plain text
        }
        return Json.mapper().getNodeFactory().textNode(raw);
    }
}
