package io.skyvern.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.RunPriority;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A task as stored: what the client asked for and what came of it. Nullable fields are the optional
 * ones of the specification (title, goals, schema, timestamps not reached yet). {@code login} is
 * {@link LoginSettings#NONE} when the run signs in with nothing, and as read from the task table alone.
 */
public record Task(
        String taskId,
        String organizationId,
        TaskStatus status,
        RunPriority priority,
        String url,
        String title,
        String navigationGoal,
        String dataExtractionGoal,
        JsonNode navigationPayload,
        JsonNode extractedInformationSchema,
        Map<String, String> errorCodeMapping,
        String webhookCallbackUrl,
        int maxSteps,
        String browserSessionId,
        String workflowRunId,
        JsonNode extractedInformation,
        String failureReason,
        Instant createdAt,
        Instant modifiedAt,
        Instant startedAt,
        Instant completedAt,
        String runMode,
        String cacheKey,
        String scriptId,
        Integer scriptVersion,
        LoginSettings login) {

    public Task {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(navigationGoal, "navigationGoal");
        errorCodeMapping = errorCodeMapping == null ? Map.of() : Map.copyOf(errorCodeMapping);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        login = login == null ? LoginSettings.NONE : login;
    }

    /** A task as its own table stores it: its replay settings and login settings, kept beside it, are attached on reads. */
    public Task(String taskId, String organizationId, TaskStatus status, RunPriority priority, String url, String title,
                String navigationGoal, String dataExtractionGoal, JsonNode navigationPayload,
                JsonNode extractedInformationSchema, Map<String, String> errorCodeMapping, String webhookCallbackUrl,
                int maxSteps, String browserSessionId, String workflowRunId, JsonNode extractedInformation,
                String failureReason, Instant createdAt, Instant modifiedAt, Instant startedAt, Instant completedAt) {
        this(taskId, organizationId, status, priority, url, title, navigationGoal, dataExtractionGoal,
                navigationPayload, extractedInformationSchema, errorCodeMapping, webhookCallbackUrl, maxSteps,
                browserSessionId, workflowRunId, extractedInformation, failureReason, createdAt, modifiedAt, startedAt,
                completedAt, null, null, null, null, LoginSettings.NONE);
    }

    /** This task with its login settings (a credential id and where one-time codes come from; never a secret). */
    public Task withLogin(LoginSettings value) {
        return new Task(taskId, organizationId, status, priority, url, title, navigationGoal, dataExtractionGoal,
                navigationPayload, extractedInformationSchema, errorCodeMapping, webhookCallbackUrl, maxSteps,
                browserSessionId, workflowRunId, extractedInformation, failureReason, createdAt, modifiedAt, startedAt,
                completedAt, runMode, cacheKey, scriptId, scriptVersion, value);
    }

    /**
     * This task with its replay settings: {@code runMode} (agent, replay, auto), its explicit
     * {@code cacheKey}, and the {@code scriptId}/{@code scriptVersion} it used or recorded, kept apart
     * (run_scripts) and added by {@link TaskService} when the task is read.
     */
    public Task withScript(String runMode, String cacheKey, String scriptId, Integer scriptVersion) {
        return new Task(taskId, organizationId, status, priority, url, title, navigationGoal, dataExtractionGoal,
                navigationPayload, extractedInformationSchema, errorCodeMapping, webhookCallbackUrl, maxSteps,
                browserSessionId, workflowRunId, extractedInformation, failureReason, createdAt, modifiedAt, startedAt,
                completedAt, runMode, cacheKey, scriptId, scriptVersion, login);
    }

    /** Why the task failed or was terminated; empty while it runs and when it completed. */
    public Optional<String> failure() {
        return Optional.ofNullable(failureReason);
    }

    /** The extracted information; empty until a completed task with a data extraction goal has it. */
    public Optional<JsonNode> extracted() {
        return Optional.ofNullable(extractedInformation).filter(n -> !n.isNull());
    }
}
