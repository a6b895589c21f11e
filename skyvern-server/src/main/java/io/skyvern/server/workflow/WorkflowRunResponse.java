package io.skyvern.server.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.server.common.LogResponse;
import io.skyvern.task.LoginSettings;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunDetails;

import java.time.Instant;
import java.util.List;

/**
 * A workflow run on the wire; blocks and logs only when asked for. Its one-time code source is
 * echoed (an identifier and a URL, never a code).
 */
public record WorkflowRunResponse(String workflowRunId, String workflowId, int workflowVersion, String status,
                                  String priority, JsonNode parameters, JsonNode output, String failureReason,
                                  String webhookCallbackUrl, Integer maxExecutionTimeMinutes, String browserSessionId,
                                  String totpIdentifier, String totpVerificationUrl, Instant createdAt, Instant modifiedAt, Instant startedAt, Instant completedAt,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) List<BlockRunResponse> blocks,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) List<LogResponse> logs) {
    static WorkflowRunResponse of(WorkflowRun r) {
        return of(r, null, null);
    }

    static WorkflowRunResponse of(WorkflowRunDetails d, boolean blocks, boolean logs) {
        return of(d.run(), blocks ? d.blocks().stream().map(BlockRunResponse::of).toList() : null,
                logs ? d.logs().stream().map(LogResponse::of).toList() : null);
    }

    private static WorkflowRunResponse of(WorkflowRun r, List<BlockRunResponse> blocks, List<LogResponse> logs) {
        LoginSettings login = r.login();
        return new WorkflowRunResponse(r.workflowRunId(), r.workflowId(), r.workflowVersion(), r.status().wireName(),
                r.priority().wireName(), r.parameters(), r.output(), r.failureReason(), r.webhookCallbackUrl(),
                r.maxExecutionTimeMinutes(), r.browserSessionId(), login.totpIdentifier().orElse(null),
                login.totpVerificationUrl().orElse(null), r.createdAt(), r.modifiedAt(), r.startedAt(),
                r.completedAt(), blocks, logs);
    }
}
