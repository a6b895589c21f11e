package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.workflow.SavedWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code workflows update ID -f FILE}: stores a new version of a workflow. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Store a new version of a workflow from a YAML or JSON document.")
final class WorkflowsUpdateCommand extends ClientCommand {
    @Parameters(paramLabel = "WORKFLOW_ID", description = "The workflow id (wf_…).")
    String workflowId;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The workflow document.")
    Path file;

    @Override
    int run(SkyvernClient client) {
        SavedWorkflow saved = client.updateWorkflow(workflowId, WorkflowsCreateCommand.read(file));
        WorkflowsCreateCommand.print(out(), err(), json(), saved, "updated");
        return ExitCodes.OK;
    }
}
