package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.task.CancelRequest;
import io.skyvern.task.CancelResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tasks cancel ID}: cancels a task that has not finished. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a task.")
final class TasksCancelCommand extends ClientCommand {
    @Parameters(paramLabel = "TASK_ID", description = "The task id (tsk_…).")
    String taskId;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (stored with the task).")
    String reason;

    @Option(names = "--force", description = "Stop a running task at once instead of at its next safe point.")
    boolean force;

    @Override
    int run(SkyvernClient client) {
        CancelResult result = client.cancelTask(taskId, new CancelRequest(reason, force));
        if (json()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("task", result.task());
            data.put("cancellation_time_ms", result.cancellationTimeMs());
            Output.json(out(), data);
        } else {
            out().println(result.task().taskId() + " " + result.task().status().wireName());
            out().flush();
        }
        return ExitCodes.OK;
    }
}
