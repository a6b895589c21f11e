package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * How one step ended, as the record phase needs it: whether it completed, why not, its output,
 * the outcomes of its actions (for the history), and the run's result when the step ended the run.
 */
record StepEnd(boolean completed, String failureReason, JsonNode output, List<ActionOutcome> outcomes,
               Optional<AgentResult> runResult) {
    StepEnd {
        outcomes = List.copyOf(outcomes);
    }

    /** The step ran its actions (some may have failed: the model reads why) and the run goes on. */
    static StepEnd continued(List<ActionOutcome> outcomes, JsonNode output) {
        return new StepEnd(true, null, output, outcomes, Optional.empty());
    }

    static StepEnd ended(boolean completed, String failureReason, JsonNode output, List<ActionOutcome> outcomes,
                         AgentResult result) {
        return new StepEnd(completed, failureReason, output, outcomes, Optional.of(result));
    }

    static StepEnd failed(String reason, List<ActionOutcome> outcomes) {
        return new StepEnd(false, reason, null, outcomes, Optional.empty());
    }
}
