package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.task.TaskDetails;
import io.skyvern.task.TaskIncludes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tasks get ID}: one task, with its steps, artifacts and logs on request. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show one task.")
final class TasksGetCommand extends ClientCommand {
    @Parameters(paramLabel = "TASK_ID", description = "The task id (tsk_…).")
    String taskId;

    @Option(names = "--steps", description = "Include the steps.")
    boolean steps;

    @Option(names = "--artifacts", description = "Include the artifacts.")
    boolean artifacts;

    @Option(names = "--logs", description = "Include the execution log.")
    boolean logs;

    @Override
    int run(SkyvernClient client) {
        TaskDetails details = client.getTask(taskId, new TaskIncludes(steps, artifacts, logs));
        if (json()) {
            Output.json(out(), TaskView.of(details, steps, artifacts, logs));
        } else {
            TaskView.printText(out(), details);
        }
        return ExitCodes.OK;
    }
}
