package io.skyvern.server.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.workflow.WorkflowRequest;

/** The body of POST and PUT /api/v1/workflows (JSON, or YAML with a YAML content type). */
public record WorkflowBody(String title, String description, JsonNode workflowDefinition, JsonNode parameterSchema,
                           @JsonProperty("is_active") Boolean isActive) {
    WorkflowRequest toRequest() {
        return new WorkflowRequest(title, description, workflowDefinition, parameterSchema, isActive);
    }
}
