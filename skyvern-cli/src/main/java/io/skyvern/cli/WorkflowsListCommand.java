package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.common.Page;
import io.skyvern.common.PageRequest;
import io.skyvern.workflow.Workflow;
import io.skyvern.workflow.WorkflowQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;

/** {@code workflows list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List workflows.")
final class WorkflowsListCommand extends ClientCommand {
    @Option(names = "--search", paramLabel = "TEXT", description = "Only workflows whose title contains TEXT.")
    String search;

    @Option(names = "--page", defaultValue = "1", description = "Page number (default 1).")
    int page;

    @Option(names = "--page-size", defaultValue = "20", description = "Workflows per page, 1-100 (default 20).")
    int pageSize;

    @Override
    int run(SkyvernClient client) {
        Page<Workflow> result = client.listWorkflows(new WorkflowQuery(Optional.ofNullable(search), Optional.empty(),
                new PageRequest(page, pageSize)));
        if (json()) {
            Output.json(out(), Output.page("workflows", result));
            return ExitCodes.OK;
        }
        Output.table(out(), List.of("WORKFLOW_ID", "VERSION", "ACTIVE", "TITLE"), result.items().stream()
                .map(w -> List.of(w.workflowId(), Integer.toString(w.version()), Boolean.toString(w.active()),
                        Output.truncate(w.title(), 60))).toList());
        return ExitCodes.OK;
    }
}
