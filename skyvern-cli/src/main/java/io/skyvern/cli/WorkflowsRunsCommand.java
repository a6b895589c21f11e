package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.common.Page;
import io.skyvern.common.PageRequest;
import io.skyvern.workflow.RunQuery;
import io.skyvern.workflow.WorkflowRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Set;

/** {@code workflows runs ID}: the runs of a workflow, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the runs of a workflow.")
final class WorkflowsRunsCommand extends ClientCommand {
    @Parameters(paramLabel = "WORKFLOW_ID", description = "The workflow id (wf_…).")
    String workflowId;

    @Option(names = "--page", defaultValue = "1", description = "Page number (default 1).")
    int page;

    @Option(names = "--page-size", defaultValue = "20", description = "Runs per page, 1-100 (default 20).")
    int pageSize;

    @Override
    int run(SkyvernClient client) {
        Page<WorkflowRun> result = client.listWorkflowRuns(workflowId, new RunQuery(Set.of(),
                new PageRequest(page, pageSize)));
        if (json()) {
            Output.json(out(), Output.page("runs", result));
            return ExitCodes.OK;
        }
        Output.table(out(), List.of("RUN_ID", "STATUS", "CREATED_AT", "FAILURE"), result.items().stream()
                .map(r -> List.of(r.workflowRunId(), r.status().wireName(), r.createdAt().toString(),
                        Output.truncate(r.failureReason(), 60))).toList());
        return ExitCodes.OK;
    }
}
