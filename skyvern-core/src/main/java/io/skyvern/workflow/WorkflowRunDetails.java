package io.skyvern.workflow;

import io.skyvern.runlog.RunLog;

import java.util.List;

/** A run with its block runs and logs when asked for (else empty lists). */
public record WorkflowRunDetails(WorkflowRun run, List<WorkflowRunBlock> blocks, List<RunLog> logs) {
    public WorkflowRunDetails {
        blocks = List.copyOf(blocks);
        logs = List.copyOf(logs);
    }
}
