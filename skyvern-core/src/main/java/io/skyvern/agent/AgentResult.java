package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an agent run ended. Expected outcomes are values, not exceptions: the caller turns each into
 * the task's (or block's) final status.
 */
public sealed interface AgentResult {
    /** Steps taken, tokens and cost of the whole run. */
    AgentUsage usage();

    /** The goal was met; {@code extractedInformation} is null when nothing was to be extracted. */
    record Completed(JsonNode extractedInformation, AgentUsage usage) implements AgentResult { }

    /** The model gave up; {@code errorCode} is one of the user's codes, or null. */
    record Terminated(String reason, String errorCode, AgentUsage usage) implements AgentResult { }

    record Failed(String reason, AgentUsage usage) implements AgentResult { }

    record Canceled(String reason, AgentUsage usage) implements AgentResult { }

    record TimedOut(String reason, AgentUsage usage) implements AgentResult { }
}
