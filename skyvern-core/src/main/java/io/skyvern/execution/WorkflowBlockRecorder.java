package io.skyvern.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.agent.Action;
import io.skyvern.agent.ActionOutcome;
import io.skyvern.agent.RunRecorder;
import io.skyvern.agent.StepResult;
import io.skyvern.artifact.ArtifactService;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.artifact.NewArtifact;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.IdPrefix;
import io.skyvern.runlog.RunLog;
import io.skyvern.runlog.RunLogRepository;
import io.skyvern.workflow.WorkflowRunBlock;
import io.skyvern.workflow.WorkflowRunRepository;
import io.skyvern.workflow.block.BlockType;
import io.skyvern.workflow.engine.BlockRunRecorder;
import io.skyvern.workflow.engine.BlockRunStatus;
import io.skyvern.workflow.engine.BlockUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Persists the block runs of one workflow run as {@code workflow_run_blocks} rows (inserted as
 * {@code running} when a block starts, completed when it ends) and the artifacts of navigation
 * and task blocks (screenshots, element trees, prompts) linked to the run and the block run, so
 * that each block's screenshots can be listed. Agent steps have no rows of their own: the steps
 * table belongs to tasks. Confined to the thread executing the run.
 */
public final class WorkflowBlockRecorder implements BlockRunRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowBlockRecorder.class);
    static final String RUNNING = "running";

    private final WorkflowRunRepository runs;
    private final ArtifactService artifacts;
    private final RunLogRepository logs;
    private final String organizationId;
    private final String workflowRunId;
    private final Clock clock;
    private final IdGenerator ids;

    public WorkflowBlockRecorder(WorkflowRunRepository runs, ArtifactService artifacts, RunLogRepository logs,
                                 String organizationId, String workflowRunId, Clock clock, IdGenerator ids) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.logs = Objects.requireNonNull(logs, "logs");
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.workflowRunId = Objects.requireNonNull(workflowRunId, "workflowRunId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    @Override
    public String started(String blockId, BlockType type, int order, Integer loopIndex) {
        String id = ids.next(IdPrefix.WORKFLOW_RUN_BLOCK);
        Instant now = now();
        runs.insertBlock(organizationId, new WorkflowRunBlock(id, workflowRunId, blockId, type.wireName(), order,
                loopIndex, RUNNING, null, null, null, 0, 0, 0, now, now, null));
        return id;
    }

    @Override
    public void finished(String blockRunId, BlockRunStatus status, JsonNode output, String failureReason,
                         BlockUsage usage) {
        BlockUsage u = usage == null ? BlockUsage.NONE : usage;
        runs.finishBlock(blockRunId, status.wireName(), output, failureReason, u.inputTokens(), u.outputTokens(),
                u.cost(), now());
    }

    @Override
    public RunRecorder agentRecorder(String blockRunId) {
        return new BlockAgentRecorder(blockRunId);
    }

    /** Database timestamps keep microseconds; truncating keeps stored and read values equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The agent of one navigation/task block: artifacts and log lines tied to its block run. */
    private final class BlockAgentRecorder implements RunRecorder {
        private final String blockRunId;

        BlockAgentRecorder(String blockRunId) {
            this.blockRunId = blockRunId;
        }

        @Override
        public String startStep(int order, String url) {
            log("info", "Block run " + blockRunId + " step " + order + " on " + url);
            return ids.next(IdPrefix.STEP);
        }

        @Override
        public void action(String stepId, int order, Action action, ActionOutcome outcome) {
            log("info", "Action " + order + ": " + action.type().wireName() + " -> "
                    + (outcome.success() ? "ok" : "failed"));
        }

        @Override
        public void artifact(String stepId, ArtifactType type, byte[] content) {
            try {
                artifacts.record(NewArtifact.forWorkflowRun(organizationId, workflowRunId, blockRunId, type, content));
            } catch (RuntimeException e) {
                // A lost artifact must not fail the block: the run itself still matters more.
                LOG.warn("Could not record a {} artifact of run {}: {}", type.wireName(), workflowRunId, e.toString());
            }
        }

        @Override
        public void finishStep(String stepId, StepResult result) {
        }

        @Override
        public void log(String level, String message) {
            try {
                logs.insert(new RunLog(ids.next(IdPrefix.LOG), organizationId, null, workflowRunId, level, message,
                        null, now()));
            } catch (RuntimeException e) {
                LOG.warn("Could not record a log line of run {}: {}", workflowRunId, e.toString());
            }
        }
    }
}
