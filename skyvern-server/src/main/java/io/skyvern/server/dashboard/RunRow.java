package io.skyvern.server.dashboard;

import io.skyvern.task.Task;
import io.skyvern.workflow.WorkflowRun;

import java.time.Instant;

/** One line of the runs list: a task or a workflow run. */
public record RunRow(String kind, String link, String statusLink, String id, String label, String status,
                     boolean fin, Instant createdAt) {
    static RunRow of(Task t) {
        String label = t.title() != null && !t.title().isBlank() ? t.title() : t.navigationGoal();
        return new RunRow("task", "/ui/tasks/" + t.taskId(), "/ui/tasks/" + t.taskId() + "/status", t.taskId(),
                label + " — " + t.url(), t.status().wireName(), t.status().isFinal(), t.createdAt());
    }

    static RunRow of(WorkflowRun r, String workflowTitle) {
        String link = "/ui/workflows/" + r.workflowId() + "/runs/" + r.workflowRunId();
        return new RunRow("workflow run", link, link + "/status", r.workflowRunId(), workflowTitle,
                r.status().wireName(), r.status().isFinal(), r.createdAt());
    }

    static RunRow of(io.skyvern.runlist.RunSummary r) {
        if (r.kind() == io.skyvern.runlist.RunKind.TASK) {
            String link = "/ui/tasks/" + r.runId();
            return new RunRow("task", link, link + "/status", r.runId(), r.label() + " — " + r.url(), r.status(),
                    io.skyvern.task.TaskStatus.parse(r.status()).isFinal(), r.createdAt());
        }
        String link = "/ui/workflows/" + r.workflowId() + "/runs/" + r.runId();
        return new RunRow("workflow run", link, link + "/status", r.runId(), r.label(), r.status(),
                io.skyvern.task.TaskStatus.parse(r.status()).isFinal(), r.createdAt());
    }

    /** htmx polling for a status that may still change; null (attribute left out) once final. */
    public String poll() {
        return fin ? null : "every 2s";
    }
}
