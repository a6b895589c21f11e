package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a workflow run ended; {@code output} maps each top-level block id that ran to its output
 * (a failed block with continue_on_failure has {@code {"error": reason}}).
 */
public sealed interface WorkflowRunResult {
    JsonNode output();

    record Completed(JsonNode output) implements WorkflowRunResult { }

    record Failed(String reason, JsonNode output) implements WorkflowRunResult { }

    record Canceled(JsonNode output) implements WorkflowRunResult { }

    record TimedOut(JsonNode output) implements WorkflowRunResult { }
}
