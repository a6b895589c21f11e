package io.skyvern.cli;

import picocli.CommandLine.Command;

/** {@code workflows}: create, inspect and run workflows. */
@Command(name = "workflows", mixinStandardHelpOptions = true, description = "Create, inspect and run workflows.",
        subcommands = {WorkflowsCreateCommand.class, WorkflowsListCommand.class, WorkflowsGetCommand.class,
                WorkflowsUpdateCommand.class, WorkflowsDeleteCommand.class, WorkflowsRunCommand.class,
                WorkflowsRunsCommand.class, WorkflowsRunShowCommand.class, WorkflowsCancelCommand.class})
final class WorkflowsCommand extends GroupCommand {
}
