package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.artifact.Artifact;
import io.skyvern.common.Page;
import io.skyvern.runlog.RunLog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage of workflow runs, their block runs and (read-only) their logs. Every method is atomic on
 * its own. Implementations are thread-safe.
 */
public interface WorkflowRunRepository {

    /**
     * Stores the run unless its organisation already has {@code maxActive} or more active runs
     * (created, queued, running). The count and the insert are serialised per organisation so
     * that concurrent starts cannot overshoot the limit. False when the limit was reached.
     */
    boolean insertIfBelowLimit(WorkflowRun run, int maxActive);

    Optional<WorkflowRun> find(String organizationId, String workflowId, String workflowRunId);

    /** A run of the organisation by id alone (a worker knows the run, not its workflow). */
    Optional<WorkflowRun> findById(String organizationId, String workflowRunId);

    /**
     * Ends a run: moves it from {@code expected} to the final status {@code next} only if it is
     * still in {@code expected}, storing its output and failure reason with the status in one
     * conditional update. False when the run was not in {@code expected} any more (canceled).
     */
    boolean finish(String workflowRunId, WorkflowRunStatus expected, WorkflowRunStatus next, JsonNode output,
                   String failureReason, Instant at);

    /** Stores the output of a run whatever its status (a canceled run keeps what its blocks made). */
    void storeOutput(String workflowRunId, JsonNode output, Instant at);

    /** Runs of one workflow, newest first, filtered by status. */
    Page<WorkflowRun> list(String organizationId, String workflowId, RunQuery query);

    /**
     * Moves the run from {@code expected} to {@code next} only if it is still in {@code expected}
     * (a conditional update); sets the failure reason, modified time and, for a final status, the
     * completion time. False when the run was not in {@code expected} any more.
     */
    boolean transition(String workflowRunId, WorkflowRunStatus expected, WorkflowRunStatus next,
                       String failureReason, Instant at);

    void insertBlock(String organizationId, WorkflowRunBlock block);

    /** Ends a block run started with {@link #insertBlock}: its status, output, reason, usage and end time. */
    void finishBlock(String workflowRunBlockId, String status, JsonNode output, String failureReason,
                     long inputTokens, long outputTokens, double cost, Instant completedAt);

    /** Block runs of a run in execution order. */
    List<WorkflowRunBlock> blocksOf(String workflowRunId);

    /** Artifacts of a run (screenshots of its blocks' agent steps…), oldest first. */
    List<Artifact> artifactsOf(String organizationId, String workflowRunId);

    /** Logs of a run, oldest first. */
    List<RunLog> logsOf(String workflowRunId);

    /** Number of runs of a workflow per status (statuses with no run are absent). */
    Map<WorkflowRunStatus, Long> countByStatus(String organizationId, String workflowId);

    /** Durations (start, or creation when never started, to completion) of finished runs. */
    List<Duration> finishedDurations(String organizationId, String workflowId);

    /** Per block of a workflow: how many block runs and how many failed ones. */
    List<BlockRunStats> blockStats(String organizationId, String workflowId);
}
