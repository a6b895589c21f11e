package io.skyvern.server.workflow;

/** The optional body of POST /api/v1/workflows/{workflow_id}/runs/{run_id}/cancel. */
public record CancelRunBody(String reason) {
}
