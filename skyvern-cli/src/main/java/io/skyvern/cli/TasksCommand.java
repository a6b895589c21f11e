package io.skyvern.cli;

import picocli.CommandLine.Command;

/** {@code tasks}: list, inspect and cancel tasks. */
@Command(name = "tasks", mixinStandardHelpOptions = true, description = "List, inspect, cancel and export tasks.",
        subcommands = {TasksListCommand.class, TasksGetCommand.class, TasksCancelCommand.class,
                TasksStepsCommand.class, TasksArtifactsCommand.class, TasksExportCommand.class})
final class TasksCommand extends GroupCommand {
}
