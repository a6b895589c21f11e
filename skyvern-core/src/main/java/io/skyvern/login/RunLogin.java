package io.skyvern.login;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.task.LoginSettings;

import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the secrets of one run are made from: its organisation and id ({@code workflow_run_id}
 * when {@code workflowRun}), its user data, its login settings, when it started (pushed codes must
 * be newer) and its stop signal (cancel, deadline), which a wait for a code honours.
 */
public record RunLogin(String organizationId, String runId, boolean workflowRun, JsonNode payload,
                       LoginSettings login, Instant startedAt, BooleanSupplier stop) {
    public RunLogin {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stop, "stop");
    }
}
