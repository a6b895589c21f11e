package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code workflows delete ID}: soft-deletes a workflow; its runs stay readable. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a workflow (its runs stay readable).")
final class WorkflowsDeleteCommand extends ClientCommand {
    @Parameters(paramLabel = "WORKFLOW_ID", description = "The workflow id (wf_…).")
    String workflowId;

    @Override
    int run(SkyvernClient client) {
        client.deleteWorkflow(workflowId);
        if (json()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("workflow_id", workflowId);
            data.put("deleted", true);
            Output.json(out(), data);
        } else {
            out().println(workflowId + " deleted");
            out().flush();
        }
        return ExitCodes.OK;
    }
}
