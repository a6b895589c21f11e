package io.skyvern.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import io.skyvern.artifact.Artifact;
import io.skyvern.runlog.RunLog;
import io.skyvern.task.StepDetails;
import io.skyvern.task.Task;
import io.skyvern.task.TaskDetails;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A task for people (text) and for programs (JSON shaped like the API's task). */
final class TaskView {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private TaskView() {
    }

    static Map<String, Object> of(TaskDetails details, boolean steps, boolean artifacts, boolean logs) {
        Map<String, Object> view = Output.mapper().convertValue(details.task(), MAP);
        if (steps) {
            view.put("steps", details.steps().stream().map(s -> step(s, true)).toList());
        }
        if (artifacts) {
            view.put("artifacts", details.artifacts());
        }
        if (logs) {
            view.put("logs", details.logs());
        }
        return view;
    }

    static Map<String, Object> step(StepDetails details, boolean actions) {
        Map<String, Object> view = Output.mapper().convertValue(details.step(), MAP);
        if (actions) {
            view.put("actions", details.actions());
        }
        return view;
    }

    static void printText(PrintWriter out, TaskDetails details) {
        Task t = details.task();
        line(out, "task_id", t.taskId());
        line(out, "status", t.status().wireName());
        line(out, "url", t.url());
        line(out, "goal", t.navigationGoal());
        line(out, "extraction_goal", t.dataExtractionGoal());
        line(out, "max_steps", t.maxSteps());
        line(out, "created_at", t.createdAt());
        line(out, "started_at", t.startedAt());
        line(out, "completed_at", t.completedAt());
        if (t.extractedInformation() != null) {
            line(out, "extracted_information", Output.inline(t.extractedInformation()));
        }
        line(out, "failure_reason", t.failureReason());
        for (StepDetails s : details.steps()) {
            out.println("step " + s.step().order() + "  " + s.step().status().wireName() + "  "
                    + Output.orDash(s.step().url()));
            s.actions().forEach(a -> out.println("  " + ActionLine.of(a)));
        }
        printArtifacts(out, details.artifacts());
        for (RunLog log : details.logs()) {
            out.println(log.createdAt() + " " + log.level() + " " + log.message());
        }
        out.flush();
    }

    static void printArtifacts(PrintWriter out, List<Artifact> artifacts) {
        if (artifacts.isEmpty()) {
            return;
        }
        out.println("artifacts:");
        for (Artifact a : artifacts) {
            out.println("  " + a.artifactId() + "  " + a.artifactType().wireName() + "  " + a.uri());
        }
    }

    private static void line(PrintWriter out, String key, Object value) {
        if (value != null) {
            out.println(key + ": " + value);
        }
    }
}
