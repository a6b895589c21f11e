package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * What the model is told at one step. {@code maskedPayload} has secrets as placeholders and
 * {@code elementTree} is already redacted; nothing here may hold a real secret.
 */
public record StepContext(String navigationGoal, String dataExtractionGoal, JsonNode maskedPayload,
                          Map<String, String> errorCodeMapping, String currentUrl, String pageTitle,
                          String elementTree, List<ActionOutcome> previousOutcomes, int stepNumber, int maxSteps) {
    public StepContext {
        errorCodeMapping = errorCodeMapping == null ? Map.of() : Map.copyOf(errorCodeMapping);
        previousOutcomes = List.copyOf(previousOutcomes);
    }
}
