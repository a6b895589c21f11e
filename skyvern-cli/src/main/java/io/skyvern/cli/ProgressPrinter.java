package io.skyvern.cli;

import io.skyvern.task.ActionRecord;
import io.skyvern.task.StepDetails;
import io.skyvern.task.Task;
import io.skyvern.task.TaskStatus;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Live progress on stderr: status changes, each new step ("step n of max" and the URL it starts on)
 * and each new action with the agent's reasoning. Only what is new since the last poll is printed.
 */
final class ProgressPrinter {
    private final PrintWriter err;
    private final Set<String> seenSteps = new HashSet<>();
    private final Set<String> seenActions = new HashSet<>();
    private TaskStatus lastStatus;

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    synchronized void created(Task task) {
        lastStatus = task.status();
        line("task " + task.taskId() + " " + task.status().wireName() + ": " + task.url());
    }

    /**
     * Printed after the poll's steps and actions, so that the final status comes last. A run that
     * has no step yet is opening its browser (the slow part of a cold start): the line says so.
     */
    synchronized void status(Task task) {
        if (task.status() != lastStatus) {
            lastStatus = task.status();
            String note = task.failureReason() != null ? " (" + task.failureReason() + ")"
                    : task.status() == TaskStatus.RUNNING && seenSteps.isEmpty() ? " (starting the browser …)" : "";
            line("status: " + task.status().wireName() + note);
        }
    }

    synchronized void steps(List<StepDetails> steps, int maxSteps) {
        for (StepDetails details : steps) {
            var step = details.step();
            if (seenSteps.add(step.stepId())) {
                line("step " + step.order() + " of " + maxSteps + (step.url() == null ? "" : " · " + step.url()));
            }
            for (ActionRecord action : details.actions()) {
                if (seenActions.add(action.actionId())) {
                    line("  " + ActionLine.of(action));
                }
            }
        }
    }

    synchronized void line(String text) {
        err.println(text);
        err.flush();
    }
}
