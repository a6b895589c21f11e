package io.skyvern.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.RunMode;
import io.skyvern.common.RunPriority;

import java.util.Map;

/**
 * What a client asks for when it creates a task. Only {@code url} and {@code navigationGoal} are
 * required; {@code maxSteps} null means the configured default; {@code runMode} null means the
 * configured default run mode; {@code cacheKey} null means a key derived from the URL, the goal and
 * the payload's key names. Validated by {@link TaskValidator},
 * which reports every broken rule at once.
 */
public record CreateTaskRequest(
        String url,
        String title,
        String navigationGoal,
        String dataExtractionGoal,
        JsonNode navigationPayload,
        JsonNode extractedInformationSchema,
        Map<String, String> errorCodeMapping,
        String webhookCallbackUrl,
        Integer maxSteps,
        String browserSessionId,
        RunPriority priority,
        LoginSettings login,
        RunMode runMode,
        String cacheKey) {

    /** A request without replay settings: the configured default run mode, a derived cache key. */
    public CreateTaskRequest(String url, String title, String navigationGoal, String dataExtractionGoal,
                             JsonNode navigationPayload, JsonNode extractedInformationSchema,
                             Map<String, String> errorCodeMapping, String webhookCallbackUrl, Integer maxSteps,
                             String browserSessionId, RunPriority priority, LoginSettings login) {
        this(url, title, navigationGoal, dataExtractionGoal, navigationPayload, extractedInformationSchema,
                errorCodeMapping, webhookCallbackUrl, maxSteps, browserSessionId, priority, login, null, null);
    }

    /** A request without login settings. */
    public CreateTaskRequest(String url, String title, String navigationGoal, String dataExtractionGoal,
                             JsonNode navigationPayload, JsonNode extractedInformationSchema,
                             Map<String, String> errorCodeMapping, String webhookCallbackUrl, Integer maxSteps,
                             String browserSessionId, RunPriority priority) {
        this(url, title, navigationGoal, dataExtractionGoal, navigationPayload, extractedInformationSchema,
                errorCodeMapping, webhookCallbackUrl, maxSteps, browserSessionId, priority, LoginSettings.NONE);
    }

    public CreateTaskRequest {
        login = login == null ? LoginSettings.NONE : login;
        // Not Map.copyOf: a null key or value from a client must reach TaskValidator (a 400), not throw here.
        errorCodeMapping = errorCodeMapping == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errorCodeMapping));
    }

    public static Builder builder(String url, String navigationGoal) {
        return new Builder(url, navigationGoal);
    }

    /** A small builder for code that creates tasks in-process. */
    public static final class Builder {
        private final String url;
        private final String navigationGoal;
        private String title;
        private String dataExtractionGoal;
        private JsonNode navigationPayload;
        private JsonNode extractedInformationSchema;
        private Map<String, String> errorCodeMapping = Map.of();
        private String webhookCallbackUrl;
        private Integer maxSteps;
        private String browserSessionId;
        private RunPriority priority;
        private LoginSettings login = LoginSettings.NONE;
        private RunMode runMode;
        private String cacheKey;

        private Builder(String url, String navigationGoal) {
            this.url = url;
            this.navigationGoal = navigationGoal;
        }

        public Builder title(String value) { this.title = value; return this; }
        public Builder dataExtractionGoal(String value) { this.dataExtractionGoal = value; return this; }
        public Builder navigationPayload(JsonNode value) { this.navigationPayload = value; return this; }
        public Builder extractedInformationSchema(JsonNode value) { this.extractedInformationSchema = value; return this; }
        public Builder errorCodeMapping(Map<String, String> value) { this.errorCodeMapping = value; return this; }
        public Builder webhookCallbackUrl(String value) { this.webhookCallbackUrl = value; return this; }
        public Builder maxSteps(Integer value) { this.maxSteps = value; return this; }
        public Builder browserSessionId(String value) { this.browserSessionId = value; return this; }
        public Builder priority(RunPriority value) { this.priority = value; return this; }
        public Builder login(LoginSettings value) { this.login = value; return this; }
        public Builder runMode(RunMode value) { this.runMode = value; return this; }
        public Builder cacheKey(String value) { this.cacheKey = value; return this; }

        public CreateTaskRequest build() {
            return new CreateTaskRequest(url, title, navigationGoal, dataExtractionGoal, navigationPayload,
                    extractedInformationSchema, errorCodeMapping, webhookCallbackUrl, maxSteps, browserSessionId,
                    priority, login, runMode, cacheKey);
        }
    }
}
