package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.workflow.WorkflowRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workflows cancel WORKFLOW_ID RUN_ID}. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a workflow run.")
final class WorkflowsCancelCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "The workflow id (wf_…).")
    String workflowId;

    @Parameters(index = "1", paramLabel = "RUN_ID", description = "The run id (wr_…).")
    String runId;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (stored with the run).")
    String reason;

    @Override
    int run(SkyvernClient client) {
        WorkflowRun run = client.cancelWorkflowRun(workflowId, runId, reason);
        if (json()) {
            Output.json(out(), run);
        } else {
            out().println(run.workflowRunId() + " " + run.status().wireName());
            out().flush();
        }
        return ExitCodes.OK;
    }
}
