package io.skyvern.server.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.server.common.ArtifactResponse;
import io.skyvern.task.Step;
import io.skyvern.task.StepDetails;

import java.time.Instant;
import java.util.List;

/**
 * A step on the wire; actions and screenshots only when asked for. {@code mode} is how it ran:
 * {@code agent} (the model chose), {@code replayed} (from the script) or {@code healed}.
 * {@code image_bytes}: the bytes of the images the step sent to the model (the set-of-marks JPEG; 0
 * without vision).
 */
public record StepResponse(String stepId, String taskId, int order, int retryIndex, String status, String url,
                           JsonNode output, String failureReason, long inputTokens, long outputTokens, double cost,
                           long llmMs, long snapshotMs, long actionMs, long settleMs, String settleWaitedFor,
                           long imageBytes, String mode, Instant createdAt, Instant startedAt, Instant completedAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<ActionResponse> actions,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<ArtifactResponse> screenshots) {

    static StepResponse of(StepDetails details, boolean includeActions, boolean includeScreenshots) {
        Step s = details.step();
        return new StepResponse(s.stepId(), s.taskId(), s.order(), s.retryIndex(), s.status().wireName(), s.url(),
                s.output(), s.failureReason(), s.inputTokens(), s.outputTokens(), s.cost(), s.llmMs(),
                s.snapshotMs(), s.actionMs(), s.settleMs(), s.settleWaitedFor(), s.imageBytes(), s.mode(), s.createdAt(),
                s.startedAt(), s.completedAt(),
                includeActions ? details.actions().stream().map(ActionResponse::of).toList() : null,
                includeScreenshots ? details.screenshots().stream().map(ArtifactResponse::of).toList() : null);
    }
}
