package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Objects;

/**
 * What the agent is to do: from a task, or from a task/navigation block of a workflow. {@code url}
 * may be null for a block that continues on the page the previous block left. {@code secrets} are
 * the payload's secrets plus those of a credential and one-time codes, if the run has them.
 */
public record AgentGoal(String url, String navigationGoal, String dataExtractionGoal, JsonNode navigationPayload,
                        JsonNode extractedInformationSchema, Map<String, String> errorCodeMapping, int maxSteps,
                        PayloadSecrets secrets) {
    /** A goal whose only secrets are the payload's. */
    public AgentGoal(String url, String navigationGoal, String dataExtractionGoal, JsonNode navigationPayload,
                     JsonNode extractedInformationSchema, Map<String, String> errorCodeMapping, int maxSteps) {
        this(url, navigationGoal, dataExtractionGoal, navigationPayload, extractedInformationSchema, errorCodeMapping,
                maxSteps, PayloadSecrets.of(navigationPayload));
    }

    public AgentGoal {
        Objects.requireNonNull(navigationGoal, "navigationGoal");
        Objects.requireNonNull(secrets, "secrets");
        errorCodeMapping = errorCodeMapping == null ? Map.of() : Map.copyOf(errorCodeMapping);
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1");
        }
    }

    public boolean wantsExtraction() {
        return dataExtractionGoal != null && !dataExtractionGoal.isBlank();
    }
}
