package io.skyvern.server.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.RunMode;
import io.skyvern.common.RunPriority;
import io.skyvern.server.http.QueryParams;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.LoginSettings;

import java.util.Map;

/**
 * The JSON body of POST /api/v1/tasks (snake_case on the wire); credential_id, totp_identifier and
 * totp_verification_url say how the run signs in; run_mode (agent|replay|auto) and cache_key choose
 * whether it replays a recorded script.
 */
public record CreateTaskBody(@JsonProperty(required = true) String url, String title, String navigationGoal, String dataExtractionGoal,
                             JsonNode navigationPayload, JsonNode extractedInformationSchema,
                             Map<String, String> errorCodeMapping, String webhookCallbackUrl, Integer maxSteps,
                             String browserSessionId, String priority, String credentialId, String totpIdentifier,
                             String totpVerificationUrl, String runMode, String cacheKey) {

    CreateTaskRequest toRequest() {
        RunPriority parsed = priority == null ? null : QueryParams.parseWith("priority", priority, RunPriority::parse);
        RunMode mode = runMode == null ? null : QueryParams.parseWith("run_mode", runMode, RunMode::parse);
        return new CreateTaskRequest(url, title, navigationGoal, dataExtractionGoal, navigationPayload,
                extractedInformationSchema, errorCodeMapping, webhookCallbackUrl, maxSteps, browserSessionId, parsed,
                LoginSettings.of(credentialId, totpIdentifier, totpVerificationUrl), mode, cacheKey);
    }
}
