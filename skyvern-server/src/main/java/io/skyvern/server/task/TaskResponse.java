package io.skyvern.server.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.server.common.ArtifactResponse;
import io.skyvern.server.common.LogResponse;
import io.skyvern.task.LoginSettings;
import io.skyvern.task.Task;
import io.skyvern.task.TaskDetails;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task on the wire; steps, artifacts and logs appear only when asked for. Its login settings are
 * echoed (a credential id, an identifier and a URL), never a secret value: payload TOTP secrets
 * are hidden. {@code run_mode} and {@code cache_key} are as created (cache_key null: derived);
 * {@code script_id}/{@code script_version} name the script the run replayed or recorded (null until
 * known).
 */
public record TaskResponse(String taskId, String organizationId, String status, String priority, String url,
                           String title, String navigationGoal, String dataExtractionGoal,
                           JsonNode navigationPayload, JsonNode extractedInformationSchema,
                           Map<String, String> errorCodeMapping, String webhookCallbackUrl, int maxSteps,
                           String browserSessionId, String credentialId, String totpIdentifier,
                           String totpVerificationUrl, String workflowRunId, JsonNode extractedInformation,
                           String failureReason, Instant createdAt, Instant modifiedAt, Instant startedAt,
                           Instant completedAt, String runMode, String cacheKey, String scriptId,
                           Integer scriptVersion,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<StepResponse> steps,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<ArtifactResponse> artifacts,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<LogResponse> logs) {

    public static TaskResponse of(Task t) {
        return of(t, null, null, null);
    }

    static TaskResponse of(TaskDetails details, boolean steps, boolean artifacts, boolean logs) {
        return of(details.task(),
                steps ? details.steps().stream().map(s -> StepResponse.of(s, true, true)).toList() : null,
                artifacts ? details.artifacts().stream().map(ArtifactResponse::of).toList() : null,
                logs ? details.logs().stream().map(LogResponse::of).toList() : null);
    }

    private static TaskResponse of(Task t, List<StepResponse> steps, List<ArtifactResponse> artifacts,
                                   List<LogResponse> logs) {
        LoginSettings login = t.login();
        return new TaskResponse(t.taskId(), t.organizationId(), t.status().wireName(), t.priority().wireName(),
                t.url(), t.title(), t.navigationGoal(), t.dataExtractionGoal(),
                io.skyvern.totp.TotpSpec.hideSecrets(t.navigationPayload()),
                t.extractedInformationSchema(), t.errorCodeMapping(), t.webhookCallbackUrl(), t.maxSteps(),
                t.browserSessionId(), login.credentialId().orElse(null), login.totpIdentifier().orElse(null),
                login.totpVerificationUrl().orElse(null), t.workflowRunId(), t.extractedInformation(), t.failureReason(), t.createdAt(),
                t.modifiedAt(), t.startedAt(), t.completedAt(), t.runMode(), t.cacheKey(), t.scriptId(),
                t.scriptVersion(), steps, artifacts, logs);
    }
}
