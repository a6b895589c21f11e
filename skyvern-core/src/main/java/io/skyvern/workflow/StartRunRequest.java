package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.RunPriority;

/**
 * Start a run: parameters (checked against the workflow's parameter schema), priority (null means
 * normal), webhook URL, time limit in minutes 1..1440 (null means none), optional browser session.
 */
public record StartRunRequest(JsonNode parameters, RunPriority priority, String webhookCallbackUrl,
                              Integer maxExecutionTimeMinutes, String browserSessionId) {
}
