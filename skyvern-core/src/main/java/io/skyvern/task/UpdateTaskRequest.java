package io.skyvern.task;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A partial update of a task that has not started: every null field is left as it is. The same
 * rules as on create apply to the merged result.
 */
public record UpdateTaskRequest(
        String url,
        String title,
        String navigationGoal,
        String dataExtractionGoal,
        JsonNode navigationPayload,
        JsonNode extractedInformationSchema,
        Map<String, String> errorCodeMapping,
        String webhookCallbackUrl,
        Integer maxSteps) {
}
