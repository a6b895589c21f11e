package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.RunMode;
import io.skyvern.common.RunPriority;
import io.skyvern.task.LoginSettings;

/**
 * Start a run: parameters (checked against the workflow's parameter schema), priority (null means
 * normal), webhook URL, time limit in minutes 1..1440 (null means none), optional browser session,
 * and the run's one-time code source ({@code totp_identifier} or {@code totp_verification_url};
 * null means none), which its agent blocks use unless a block names its own. {@code runMode} (null:
 * the configured default) and {@code cacheKey} (null: each block's derived key) are what its
 * navigation, task and login blocks replay or record under unless a block names its own.
 */
public record StartRunRequest(JsonNode parameters, RunPriority priority, String webhookCallbackUrl,
                              Integer maxExecutionTimeMinutes, String browserSessionId, LoginSettings login,
                              RunMode runMode, String cacheKey) {
    public StartRunRequest {
        login = login == null ? LoginSettings.NONE : login;
    }

    /** A run with the default run mode and derived cache keys. */
    public StartRunRequest(JsonNode parameters, RunPriority priority, String webhookCallbackUrl,
                           Integer maxExecutionTimeMinutes, String browserSessionId, LoginSettings login) {
        this(parameters, priority, webhookCallbackUrl, maxExecutionTimeMinutes, browserSessionId, login, null, null);
    }

    /** A run without login settings. */
    public StartRunRequest(JsonNode parameters, RunPriority priority, String webhookCallbackUrl,
                           Integer maxExecutionTimeMinutes, String browserSessionId) {
        this(parameters, priority, webhookCallbackUrl, maxExecutionTimeMinutes, browserSessionId, LoginSettings.NONE);
    }
}
