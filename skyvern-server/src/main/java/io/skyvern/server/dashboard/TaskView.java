package io.skyvern.server.dashboard;

import io.skyvern.artifact.Artifact;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.runlog.RunLog;
import io.skyvern.task.StepDetails;
import io.skyvern.task.Task;
import io.skyvern.task.TaskDetails;

import java.util.List;

/** The task page's model: the task, its masked payload, steps with their artifacts, totals. */
public record TaskView(Task task, String payload, String extracted, List<StepView> steps, List<RunLog> logs,
                       long inputTokens, long outputTokens, double cost, TaskTimeline timeline) {
    static TaskView of(TaskDetails d) {
        List<Artifact> artifacts = d.artifacts();
        List<StepView> steps = d.steps().stream().map(s -> StepView.of(s, artifacts)).toList();
        return new TaskView(d.task(), JsonText.pretty(JsonText.masked(d.task().navigationPayload())),
                JsonText.pretty(d.task().extractedInformation()), steps, d.logs(),
                d.steps().stream().mapToLong(s -> s.step().inputTokens()).sum(),
                d.steps().stream().mapToLong(s -> s.step().outputTokens()).sum(),
                d.steps().stream().mapToDouble(s -> s.step().cost()).sum(), TaskTimeline.of(d.task()));
    }

    static String titleOf(Task t) {
        return t.title() != null && !t.title().isBlank() ? t.title() : "Task " + t.taskId();
    }

    public String title() {
        return titleOf(task);
    }

    /** The model cost in US dollars, as the steps recorded it. */
    public String costText() {
        return String.format(java.util.Locale.ROOT, "$%.4f", cost);
    }

    /** Time spent in the model, snapshots and actions over all steps. */
    public long llmMs() {
        return steps.stream().mapToLong(s -> s.details().step().llmMs()).sum();
    }

    public long snapshotMs() {
        return steps.stream().mapToLong(s -> s.details().step().snapshotMs()).sum();
    }

    public long actionMs() {
        return steps.stream().mapToLong(s -> s.details().step().actionMs()).sum();
    }

    public boolean running() {
        return !task.status().isFinal();
    }

    /** Poll the step log while the task runs; null (attribute left out) once it is final. */
    public String poll() {
        return running() ? "every 2s" : null;
    }

    public boolean live() {
        return task.status() == io.skyvern.task.TaskStatus.RUNNING;
    }

    /** One step: its record, actions, and the artifacts it left (screenshots, prompt, answer, tree). */
    public record StepView(StepDetails details, List<Artifact> screenshots, List<Artifact> records) {
        static StepView of(StepDetails s, List<Artifact> all) {
            String stepId = s.step().stepId();
            List<Artifact> mine = all.stream().filter(a -> stepId.equals(a.stepId())).toList();
            return new StepView(s, mine.stream().filter(a -> a.artifactType().isScreenshot()).toList(),
                    mine.stream().filter(a -> a.artifactType() == ArtifactType.LLM_PROMPT
                            || a.artifactType() == ArtifactType.LLM_RESPONSE
                            || a.artifactType() == ArtifactType.ELEMENT_TREE
                            || a.artifactType() == ArtifactType.LLM_REQUEST).toList());
        }

        public String costText() {
            return String.format(java.util.Locale.ROOT, "$%.4f", details.step().cost());
        }

        public long millis() {
            var step = details.step();
            return step.startedAt() == null || step.completedAt() == null ? 0
                    : java.time.Duration.between(step.startedAt(), step.completedAt()).toMillis();
        }
    }
}
