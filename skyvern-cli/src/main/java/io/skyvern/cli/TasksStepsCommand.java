package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.task.ActionRecord;
import io.skyvern.task.Step;
import io.skyvern.task.StepDetails;
import io.skyvern.task.StepQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Set;

/** {@code tasks steps ID}: the agent's steps, with their actions on request. */
@Command(name = "steps", mixinStandardHelpOptions = true, description = "Show the steps of a task.")
final class TasksStepsCommand extends ClientCommand {
    @Parameters(paramLabel = "TASK_ID", description = "The task id (tsk_…).")
    String taskId;

    @Option(names = "--actions", description = "Include each step's actions and their reasoning.")
    boolean actions;

    @Override
    int run(SkyvernClient client) {
        List<StepDetails> steps = client.taskSteps(taskId, new StepQuery(actions, false, Set.of()));
        if (json()) {
            Output.json(out(), steps.stream().map(s -> TaskView.step(s, actions)).toList());
            return ExitCodes.OK;
        }
        for (StepDetails details : steps) {
            Step s = details.step();
            out().println("step " + s.order() + (s.retryIndex() > 0 ? " (retry " + s.retryIndex() + ")" : "")
                    + "  " + s.status().wireName() + "  " + Output.orDash(s.url())
                    + (s.failureReason() == null ? "" : "  failure: " + s.failureReason()));
            for (ActionRecord a : details.actions()) {
                out().println("  " + ActionLine.of(a));
            }
        }
        if (steps.isEmpty()) {
            out().println("no steps yet");
        }
        out().flush();
        return ExitCodes.OK;
    }
}
