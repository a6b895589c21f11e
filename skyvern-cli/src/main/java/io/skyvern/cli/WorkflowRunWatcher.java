package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunBlock;
import io.skyvern.workflow.WorkflowRunDetails;
import io.skyvern.workflow.WorkflowRunStatus;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Follows one workflow run to its end like {@code run-task} follows a task: status changes and
 * each block's progress on stderr, a client-side {@code --timeout} that cancels the run.
 */
final class WorkflowRunWatcher {
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);
    private final SkyvernClient client;
    private final String workflowId;
    private final String runId;
    private final Duration pollInterval;
    private final PrintWriter err;
    private final Map<String, String> blockStatus = new HashMap<>();
    private WorkflowRunStatus lastStatus;

    WorkflowRunWatcher(SkyvernClient client, WorkflowRun run, Duration pollInterval, PrintWriter err) {
        this.client = Objects.requireNonNull(client, "client");
        this.workflowId = run.workflowId();
        this.runId = run.workflowRunId();
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.err = Objects.requireNonNull(err, "err");
        this.lastStatus = run.status();
        line("run " + runId + " " + run.status().wireName());
    }

    /** The run's details at its final status; after {@code timeout} (may be null) it is canceled first. */
    WorkflowRunDetails watch(Duration timeout) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (true) {
            WorkflowRunDetails details = poll();
            if (details.run().status().isFinal()) {
                return details;
            }
            if (System.nanoTime() >= deadline) {
                line("timeout of " + TaskWatcher.describe(timeout) + " reached: canceling " + runId);
                cancel("client-side timeout after " + TaskWatcher.describe(timeout));
                return awaitFinal();
            }
            sleep(pollInterval);
        }
    }

    private WorkflowRunDetails poll() {
        WorkflowRunDetails details = client.getWorkflowRun(workflowId, runId, true, false);
        for (WorkflowRunBlock b : details.blocks()) {
            String key = b.workflowRunBlockId();
            if (!b.status().equals(blockStatus.put(key, b.status()))) {
                line("  block " + b.blockId() + (b.loopIndex() == null ? "" : "[" + b.loopIndex() + "]") + " ("
                        + b.blockType() + "): " + b.status()
                        + (b.failureReason() == null ? "" : " (" + b.failureReason() + ")"));
            }
        }
        WorkflowRun run = details.run();
        if (run.status() != lastStatus) {
            lastStatus = run.status();
            line("status: " + run.status().wireName());
        }
        return details;
    }

    private void cancel(String reason) {
        try {
            client.cancelWorkflowRun(workflowId, runId, reason);
        } catch (SkyvernException e) {
            if (e.errorCode() != ErrorCode.WORKFLOW_RUN_ALREADY_FINISHED) {
                throw e;
            }
        }
    }

    private WorkflowRunDetails awaitFinal() {
        long until = System.nanoTime() + CANCEL_WAIT.toNanos();
        WorkflowRunDetails details = poll();
        while (!details.run().status().isFinal() && System.nanoTime() < until) {
            sleep(pollInterval);
            details = poll();
        }
        return details;
    }

    /** 0 completed, 3 canceled or timed out, 1 otherwise (failed, terminated, or still going). */
    static int exitCode(WorkflowRunStatus status) {
        return switch (status) {
            case COMPLETED -> ExitCodes.OK;
            case CANCELED, TIMED_OUT -> ExitCodes.CANCELED;
            default -> ExitCodes.FAILED;
        };
    }

    private void line(String text) {
        err.println(text);
        err.flush();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyvernException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting for the run");
        }
    }
}
