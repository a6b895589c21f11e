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

import io.skyvern.workflow.WorkflowRunDetails;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code workflows run ID --param k=v …}: starts a run. With {@code --wait} (the default in-process,
 * where nothing else would execute it) this process runs it and follows it like {@code run-task}:
 * block progress on stderr, the run on stdout, exit status 0 completed, 1 failed or terminated,
 * 3 canceled or timed out. {@code --no-wait} only queues it (for a server's workers).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a workflow. In-process it runs here and waits (--wait, default); with --server it "
                + "is queued and the command returns (add --wait to follow it).")
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

    @Option(names = "--mode", paramLabel = "agent|auto|replay",
            description = "How the run's navigation, task and login blocks choose their actions unless a block names "
                    + "its own: agent (the model), auto (replay a recorded script, else record one), replay (the "
                    + "script only). Default: configured (agent).")
    String mode;

    @Option(names = "--cache-key", paramLabel = "TEMPLATE",
            description = "The run's cache key, a template over its parameters (e.g. '{{ site }}-signup'); each "
                    + "block's key is it followed by ':' and the block id.")
    String cacheKey;

    @Option(names = "--wait", negatable = true, paramLabel = "",
            description = "Follow the run to its end (default: in-process yes, with --server no).")
    Boolean wait;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --wait: cancel the run if it has not finished after DURATION (exit status 3).")
    Duration timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "400ms", hidden = true, description = "How often to poll the run.")
    Duration pollInterval;

    @Override
    boolean executesRuns() {
        return waits();
    }

    private boolean waits() {
        return wait != null ? wait : !connection.remote();
    }

    @Override
    int run(SkyvernClient client) {
        ObjectNode parameters = Json.mapper().createObjectNode();
        params.forEach((k, v) -> parameters.set(k, value(v)));
        WorkflowRun run = client.startWorkflowRun(workflowId, new StartRunRequest(parameters, null, webhook,
                maxMinutes, browserSession, null, mode == null ? null : RunTaskCommand.parseMode(mode), cacheKey));
        if (!waits()) {
            if (json()) {
                Output.json(out(), run);
            } else {
                out().println(run.workflowRunId() + " " + run.status().wireName());
                out().flush();
            }
            return ExitCodes.OK;
        }
        WorkflowRunDetails done = new WorkflowRunWatcher(client, run, pollInterval, err()).watch(timeout);
        WorkflowsRunShowCommand.print(out(), json(), done);
        return WorkflowRunWatcher.exitCode(done.run().status());
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
