package io.skyvern.server.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.RunPriority;
import io.skyvern.server.http.QueryParams;
import io.skyvern.server.http.RequestValidationException;
import io.skyvern.task.LoginSettings;
import io.skyvern.workflow.StartRunRequest;

/**
 * The body of POST /api/v1/workflows/{workflow_id}/runs; {@code parameters} is required (an object).
 * {@code totp_identifier} or {@code totp_verification_url} is where the run's blocks get one-time
 * codes unless a block names its own. {@code run_mode} (agent, replay, auto; default the configured
 * one) and {@code cache_key} (a template over the parameters) are what its navigation, task and login
 * blocks replay or record under unless a block names its own.
 */
public record StartRunBody(@JsonProperty(required = true) JsonNode parameters, String priority, String webhookCallbackUrl,
                           Integer maxExecutionTimeMinutes, String browserSessionId, String totpIdentifier,
                           String totpVerificationUrl, String runMode, String cacheKey) {
    StartRunRequest toRequest() {
        if (!parameters.isObject()) {
            throw RequestValidationException.of("parameters", "Expected a value of type object");
        }
        return new StartRunRequest(parameters, parsedPriority(), webhookCallbackUrl, maxExecutionTimeMinutes,
                browserSessionId, LoginSettings.of(null, totpIdentifier, totpVerificationUrl),
                runMode == null ? null : QueryParams.parseWith("run_mode", runMode, io.skyvern.common.RunMode::parse),
                cacheKey);
    }

    RunPriority parsedPriority() {
        return priority == null ? RunPriority.NORMAL : QueryParams.parseWith("priority", priority, RunPriority::parse);
    }
}
