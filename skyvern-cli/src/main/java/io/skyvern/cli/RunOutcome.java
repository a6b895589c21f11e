package io.skyvern.cli;

import io.skyvern.artifact.Artifact;
import io.skyvern.task.Task;
import io.skyvern.task.TaskDetails;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** How a run-task ended: the task as last seen, its artifacts, and whether the client gave up on it. */
record RunOutcome(Task task, List<Artifact> artifacts, boolean clientTimedOut, Duration timeout) {

    int exitCode() {
        if (clientTimedOut && !task.status().isFinal()) {
            return ExitCodes.CANCELED;
        }
        return ExitCodes.of(task.status());
    }

    void print(PrintWriter out, boolean json) {
        print(out, json, true);
    }

    /** {@code listArtifacts} false: only their number (the demo deletes the files at its end). */
    void print(PrintWriter out, boolean json, boolean listArtifacts) {
        if (json) {
            Map<String, Object> view = TaskView.of(new TaskDetails(task, List.of(), artifacts, List.of()), false,
                    true, false);
            view.put("client_timed_out", clientTimedOut);
            view.put("exit_code", exitCode());
            Output.json(out, view);
            return;
        }
        out.println("status: " + task.status().wireName()
                + (clientTimedOut ? " (client-side timeout after " + TaskWatcher.describe(timeout) + ")" : ""));
        out.println("task_id: " + task.taskId());
        if (task.extractedInformation() != null) {
            out.println("extracted_information: " + Output.inline(task.extractedInformation()));
        }
        if (task.failureReason() != null) {
            out.println("failure_reason: " + task.failureReason());
        }
        if (listArtifacts) {
            TaskView.printArtifacts(out, artifacts);
        } else if (!artifacts.isEmpty()) {
            out.println("artifacts: " + artifacts.size() + " recorded (deleted at the end; --keep keeps them)");
        }
        out.flush();
    }
}
