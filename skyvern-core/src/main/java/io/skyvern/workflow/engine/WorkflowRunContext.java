package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.agent.RunControl;
import io.skyvern.browser.SessionOptions;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One run to execute: its ids, the workflow definition document ({@code blocks}, {@code
 * connections}), the run parameters, cancel/deadline control, where block runs are reported,
 * where downloads go and how to open the run's browser session.
 */
public record WorkflowRunContext(String workflowRunId, String workflowId, String organizationId,
                                 JsonNode definition, JsonNode parameters, RunControl control,
                                 BlockRunRecorder recorder, Path downloadDir, SessionOptions sessionOptions) {
    public WorkflowRunContext {
        Objects.requireNonNull(workflowRunId, "workflowRunId");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(downloadDir, "downloadDir");
        sessionOptions = sessionOptions == null ? SessionOptions.fresh() : sessionOptions;
    }
}
