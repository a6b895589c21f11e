package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.workflow.Workflow;
import io.skyvern.workflow.WorkflowDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code workflows get ID}: the latest version, as a YAML document (JSON with --json). */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Show a workflow's latest version as YAML (JSON with --json).")
final class WorkflowsGetCommand extends ClientCommand {
    @Parameters(paramLabel = "WORKFLOW_ID", description = "The workflow id (wf_…).")
    String workflowId;

    @Override
    int run(SkyvernClient client) {
        Workflow workflow = client.getWorkflow(workflowId);
        if (json()) {
            Output.json(out(), workflow);
        } else {
            out().println("# " + workflow.workflowId() + " version " + workflow.version());
            out().print(WorkflowDocuments.render(workflow, WorkflowDocuments.Format.YAML));
            out().flush();
        }
        return ExitCodes.OK;
    }
}
