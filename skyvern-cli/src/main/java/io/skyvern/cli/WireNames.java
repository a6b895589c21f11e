package io.skyvern.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skyvern.auth.ApiKey;
import io.skyvern.auth.Organization;
import io.skyvern.task.LoginSettings;
import io.skyvern.task.Task;
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
                .addMixIn(WorkflowRun.class, WorkflowRunNames.class)
                .addMixIn(Task.class, TaskNames.class)
                .addMixIn(LoginSettings.class, LoginSettingsNames.class);
    }

    abstract static class LoginSettingsNames {
        /** A convenience of the Java API, not a field. */
        @JsonIgnore
        abstract boolean isEmpty();
    }

    abstract static class TaskNames {
        /** The API echoes a task's login settings flat: credential_id, totp_identifier, totp_verification_url. */
        @JsonUnwrapped
        abstract LoginSettings login();
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

        /** Flat like a task's; a run has no credential of its own (its blocks name theirs), so none is shown. */
        @JsonUnwrapped
        @JsonIgnoreProperties("credential_id")
        abstract LoginSettings login();
    }

    abstract static class OrganizationNames {
        @JsonProperty("is_bootstrap")
        abstract boolean bootstrap();

        /** Only {@code GET /organizations/me} shows it; it is never printed. */
        @JsonIgnore
        abstract String webhookSigningKey();
    }
}
