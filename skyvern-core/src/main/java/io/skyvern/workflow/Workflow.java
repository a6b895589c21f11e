package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One version of a workflow definition. {@code definition} is the document with {@code blocks}
 * and {@code connections} as the client sent it (validated); {@code parameterSchema} is a JSON
 * Schema for run parameters (may be null).
 */
public record Workflow(String workflowId, int version, String organizationId, String title, String description,
                       JsonNode definition, JsonNode parameterSchema, boolean active, Instant createdAt,
                       Instant modifiedAt) {
}
