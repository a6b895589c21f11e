package io.skyvern.server.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.workflow.Workflow;

import java.time.Instant;

/** A workflow (latest version) on the wire. */
public record WorkflowResponse(String workflowId, int version, String organizationId, String title,
                               String description, JsonNode workflowDefinition, JsonNode parameterSchema,
                               @JsonProperty("is_active") boolean isActive, Instant createdAt, Instant modifiedAt) {
    static WorkflowResponse of(Workflow w) {
        return new WorkflowResponse(w.workflowId(), w.version(), w.organizationId(), w.title(), w.description(),
                w.definition(), w.parameterSchema(), w.active(), w.createdAt(), w.modifiedAt());
    }
}
