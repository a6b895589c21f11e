package io.skyvern.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skyvern.auth.ApiKey;
import io.skyvern.auth.Organization;
import io.skyvern.workflow.Workflow;
import io.skyvern.workflow.WorkflowRun;

/**
 * The few places where a core record's Java name is not the REST API's field name, as Jackson
 * mix-ins on the CLI's mapper: {@code --json} prints the same fields as the API's {@code data} (the
 * core's client reads them back with the same names), so a script can switch between the two.
 */
final class WireNames {
    private WireNames() {
    }

    static ObjectMapper register(ObjectMapper mapper) {
        return mapper.addMixIn(Workflow.class, WorkflowNames.class)
                .addMixIn(ApiKey.class, ApiKeyNames.class)
                .addMixIn(Organization.class, OrganizationNames.class)
                .addMixIn(WorkflowRun.class, WorkflowRunNames.class);
    }

    abstract static class WorkflowNames {
        @JsonProperty("workflow_definition")
        abstract JsonNode definition();

        @JsonProperty("is_active")
        abstract boolean active();
    }

    abstract static class ApiKeyNames {
        @JsonProperty("is_revoked")
        abstract boolean isRevoked();
    }

    abstract static class WorkflowRunNames {
        /** The API does not repeat the caller's own organisation on a run. */
        @JsonIgnore
        abstract String organizationId();
    }

    abstract static class OrganizationNames {
        @JsonProperty("is_bootstrap")
        abstract boolean bootstrap();

        /** Only {@code GET /organizations/me} shows it; it is never printed. */
        @JsonIgnore
        abstract String webhookSigningKey();
    }
}
