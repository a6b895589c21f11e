package io.skyvern.execution;

import io.skyvern.agent.Action;
import io.skyvern.agent.ActionInputs;
import io.skyvern.agent.ActionOutcome;
import io.skyvern.agent.RunRecorder;
import io.skyvern.agent.StepResult;
import io.skyvern.artifact.ArtifactService;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.artifact.NewArtifact;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.IdPrefix;
import io.skyvern.runlog.RunLog;
import io.skyvern.script.ScriptService;
import io.skyvern.task.ActionRecord;
import io.skyvern.task.Step;
import io.skyvern.task.StepStatus;
import io.skyvern.task.Task;
import io.skyvern.task.TaskRepositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Persists what the agent loop reports for one task: steps (inserted running, finished with
 * tokens, cost, timings and output), actions with their input and result, artifacts through the
 * {@link ArtifactService}, and run log lines. Everything it receives is already redacted.
 * Used by the one thread running the task.
 */
public final class TaskRunRecorder implements RunRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunRecorder.class);
    private static final int MAX_TEXT = 10_000;
    static final String ABANDONED = "The worker running this step stopped before finishing it (a crash, a lost lease or a "
            + "shutdown); the run was taken over by a new attempt";

    private final Task task;
    private final TaskRepositories repos;
    private final ArtifactService artifacts;
    private final IdGenerator ids;
    private final Clock clock;
    private final Map<String, Step> open = new ConcurrentHashMap<>();
    /** Where replayed and healed steps note their mode; null: not kept. */
    private final ScriptService stepModes;

    public TaskRunRecorder(Task task, TaskRepositories repos, ArtifactService artifacts, IdGenerator ids, Clock clock) {
        this(task, repos, artifacts, ids, clock, null);
    }

    /** Notes the mode of replayed and healed steps through {@code stepModes} (null: not kept). */
    public TaskRunRecorder(Task task, TaskRepositories repos, ArtifactService artifacts, IdGenerator ids, Clock clock,
                           ScriptService stepModes) {
        this.stepModes = stepModes;
        this.task = Objects.requireNonNull(task, "task");
        this.repos = Objects.requireNonNull(repos, "repos");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The steps of earlier attempts (a run recovered from a dead worker): the new attempt numbers its
     * steps after them. A step an earlier attempt left running will never finish: it is closed as failed.
     */
    @Override
    public int stepsAlreadyTaken() {
        List<Step> earlier = repos.steps().listByTask(task.taskId(), Set.of());
        for (Step s : earlier) {
            if (s.status() == StepStatus.RUNNING) {
                repos.steps().finish(new Step(s.stepId(), s.taskId(), s.organizationId(), s.order(), s.retryIndex(),
                        StepStatus.FAILED, s.url(), null, ABANDONED, 0, 0, 0, 0, 0, 0, s.createdAt(), s.startedAt(),
                        now()));
            }
        }
        return earlier.stream().mapToInt(Step::order).max().orElse(0);
    }

    @Override
    public String startStep(int order, String url) {
        Instant now = now();
        Step step = new Step(ids.next(IdPrefix.STEP), task.taskId(), task.organizationId(), order, 0,
                StepStatus.RUNNING, url, null, null, 0, 0, 0, 0, 0, 0, now, now, null);
        repos.steps().insert(step);
        open.put(step.stepId(), step);
        return step.stepId();
    }

    @Override
    public void action(String stepId, int order, Action action, ActionOutcome outcome) {
        repos.actions().insert(new ActionRecord(ids.next(IdPrefix.ACTION), stepId, task.taskId(), order,
                action.type().name().toLowerCase(java.util.Locale.ROOT), ActionInputs.elementId(action),
                clip(action.reasoning()), ActionInputs.of(action), outcome.success() ? "completed" : "failed",
                clip(outcome.message()), outcome.durationMs(), now()));
    }

    @Override
    public void artifact(String stepId, ArtifactType type, byte[] content) {
        artifacts.record(NewArtifact.forStep(task.organizationId(), task.taskId(), stepId, type, content));
    }

    /** An artifact of the whole task (a trace), not of one step. */
    public void taskArtifact(ArtifactType type, byte[] content) {
        artifacts.record(NewArtifact.forStep(task.organizationId(), task.taskId(), null, type, content));
    }

    @Override
    public void finishStep(String stepId, StepResult r) {
        Step s = open.remove(stepId);
        if (s == null) {
            LOG.warn("Step {} finished twice or never started", stepId);
            return;
        }
        repos.steps().finish(new Step(s.stepId(), s.taskId(), s.organizationId(), s.order(), s.retryIndex(),
                r.completed() ? StepStatus.COMPLETED : r.stopped() ? StepStatus.CANCELED : StepStatus.FAILED, s.url(), r.output(), clip(r.failureReason()),
                r.inputTokens(), r.outputTokens(), r.cost(), r.llmMs(), r.snapshotMs(), r.actionMs(), s.createdAt(),
                s.startedAt(), now(), r.settleMs(), r.settleWaitedFor(), r.imageBytes()));
        if (stepModes != null && !StepResult.AGENT.equals(r.mode())) {
            stepModes.stepMode(stepId, task.taskId(), r.mode());
        }
    }

    /** Steps left open by a stop (cancel, timeout, crash of the page) end as canceled or failed. */
    public void closeOpenSteps(StepStatus status, String reason) {
        for (Step s : open.values()) {
            repos.steps().finish(new Step(s.stepId(), s.taskId(), s.organizationId(), s.order(), s.retryIndex(),
                    status, s.url(), null, clip(reason), 0, 0, 0, 0, 0, 0, s.createdAt(), s.startedAt(), now()));
        }
        open.clear();
    }

    @Override
    public void log(String level, String message) {
        repos.logs().insert(new RunLog(ids.next(IdPrefix.LOG), task.organizationId(), task.taskId(), null, level,
                clip(message == null ? "" : message), null, now()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
