package io.skyvern.liveview;

import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.Screencast;
import io.skyvern.browser.ScreencastOptions;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.execution.RunRegistry;
import io.skyvern.task.Task;
import io.skyvern.task.TaskService;
import io.skyvern.task.TaskStatus;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunStatus;
import io.skyvern.workflow.WorkflowService;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Live views of runs: a {@link Screencast} of the browser a run drives now, for the run's own
 * organisation only (another organisation's run is not found). A run that is not running, or runs
 * on another node of a cluster, is RUN_NOT_RUNNING. Thread-safe.
 */
public final class LiveViewService {
    private static final Duration BROWSER_START_WAIT = Duration.ofSeconds(20);
    private final TaskService tasks;
    private final WorkflowService workflows;
    private final RunRegistry registry;

    public LiveViewService(TaskService tasks, WorkflowService workflows, RunRegistry registry) {
        this.tasks = Objects.requireNonNull(tasks);
        this.workflows = Objects.requireNonNull(workflows);
        this.registry = Objects.requireNonNull(registry);
    }

    /** A feed of the task's browser; TASK_NOT_FOUND, or RUN_NOT_RUNNING unless it runs on this node. */
    public Screencast watchTask(String organizationId, String taskId) {
        Task task = tasks.get(organizationId, taskId);
        if (task.status() != TaskStatus.RUNNING) {
            throw notRunning("Task " + taskId + " is " + task.status().wireName());
        }
        return watch(taskId);
    }

    /** A feed of the workflow run's browser (the session its blocks share). */
    public Screencast watchWorkflowRun(String organizationId, String workflowId, String runId) {
        WorkflowRun run = workflows.getRun(organizationId, workflowId, runId, false, false).run();
        if (run.status() != WorkflowRunStatus.RUNNING) {
            throw notRunning("Workflow run " + runId + " is " + run.status().wireName());
        }
        return watch(runId);
    }

    /** True while the run executes on this node: a live view ends when this turns false. */
    public boolean running(String runId) {
        return registry.isRunning(runId);
    }

    /**
     * A run is "running" from its claim, but its browser may still be starting (seconds on a busy
     * machine): wait for it a little rather than refuse a viewer who came early.
     */
    private Screencast watch(String runId) {
        long deadline = System.nanoTime() + BROWSER_START_WAIT.toNanos();
        Optional<BrowserSession> session = registry.session(runId);
        while (session.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notRunning("Interrupted while waiting for the browser of run " + runId);
            }
            session = registry.session(runId);
        }
        return session.orElseThrow(() -> notRunning("Run " + runId + " has no browser open on this node"))
                .screencast(ScreencastOptions.DEFAULT);
    }

    private static SkyvernException notRunning(String message) {
        return new SkyvernException(ErrorCode.RUN_NOT_RUNNING, message);
    }
}
