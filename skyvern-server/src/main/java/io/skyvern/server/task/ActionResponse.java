package io.skyvern.server.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.task.ActionRecord;

import java.time.Instant;

/** An action of a step on the wire. */
public record ActionResponse(String actionId, String stepId, int order, String actionType, String elementId,
                             String reasoning, JsonNode input, String status, String resultMessage, long durationMs,
                             Instant createdAt) {
    static ActionResponse of(ActionRecord a) {
        return new ActionResponse(a.actionId(), a.stepId(), a.order(), a.actionType(), a.elementId(), a.reasoning(),
                a.input(), a.status(), a.resultMessage(), a.durationMs(), a.createdAt());
    }
}
