package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Create or update a workflow: title, optional description, the definition document
 * ({@code blocks}, {@code connections}), an optional parameter JSON Schema, and whether it may run
 * ({@code isActive} null means true on create and unchanged on update).
 */
public record WorkflowRequest(String title, String description, JsonNode workflowDefinition,
                              JsonNode parameterSchema, Boolean isActive) {
}
