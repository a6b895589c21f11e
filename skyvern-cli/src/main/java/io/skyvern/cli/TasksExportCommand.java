package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tasks export ID}: the task's script as a Java program on standard output. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print the task's script as a standalone Playwright-for-Java program (SkyvernExport.java).")
final class TasksExportCommand extends ClientCommand {
    @Parameters(paramLabel = "TASK_ID", description = "The task's id (tsk_…).")
    String taskId;

    @Override
    int run(SkyvernClient client) {
        out().print(client.exportTaskAsJava(taskId));
        out().flush();
        return ExitCodes.OK;
    }
}
