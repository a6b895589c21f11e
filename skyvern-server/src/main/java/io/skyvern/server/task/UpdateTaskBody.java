package io.skyvern.server.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.task.UpdateTaskRequest;

import java.util.Map;

/** The JSON body of PATCH /api/v1/tasks/{task_id}: absent fields stay as they are. */
public record UpdateTaskBody(String url, String title, String navigationGoal, String dataExtractionGoal,
                             JsonNode navigationPayload, JsonNode extractedInformationSchema,
                             Map<String, String> errorCodeMapping, String webhookCallbackUrl, Integer maxSteps) {

    UpdateTaskRequest toRequest() {
        return new UpdateTaskRequest(url, title, navigationGoal, dataExtractionGoal, navigationPayload,
                extractedInformationSchema, errorCodeMapping, webhookCallbackUrl, maxSteps);
    }
}
