package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.agent.Action;
import io.skyvern.agent.ActionOutcome;
import io.skyvern.agent.RunRecorder;
import io.skyvern.agent.StepResult;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.workflow.block.BlockType;

/**
 * Port through which the engine reports block runs (persisted as workflow_run_blocks by the
 * service that wires it). Outputs and failure reasons handed over are already redacted. Called
 * from the thread executing the run.
 */
public interface BlockRunRecorder {
    /**
     * A block run starts. {@code order} counts block runs of the workflow run from 1;
     * {@code loopIndex} is the iteration for a block inside a loop, else null. Returns its id.
     */
    String started(String blockId, BlockType type, int order, Integer loopIndex);

    /** The block run ended; {@code output} may be null, {@code failureReason} is null unless it failed. */
    void finished(String blockRunId, BlockRunStatus status, JsonNode output, String failureReason, BlockUsage usage);

    /**
     * Where the agent of a navigation/task block leaves its steps, actions and artifacts. The
     * default discards them (an implementation tying them to a task row overrides it).
     */
    default RunRecorder agentRecorder(String blockRunId) {
        return DISCARDING_AGENT;
    }

    /** An agent recorder that keeps nothing. */
    RunRecorder DISCARDING_AGENT = new RunRecorder() {
        private final java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String startStep(int order, String url) {
            return "step_" + steps.incrementAndGet();
        }

        @Override
        public void action(String stepId, int order, Action action, ActionOutcome outcome) {
        }

        @Override
        public void artifact(String stepId, ArtifactType type, byte[] content) {
        }

        @Override
        public void finishStep(String stepId, StepResult result) {
        }

        @Override
        public void log(String level, String message) {
        }
    };
}
