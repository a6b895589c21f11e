package io.skyvern.cli;

import io.skyvern.artifact.Artifact;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.common.Json;
import io.skyvern.task.ActionRecord;
import io.skyvern.task.Step;
import io.skyvern.task.StepStatus;
import io.skyvern.task.TaskRepositories;
import io.skyvern.task.TaskStatus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Plays the part of the agent for tests (no browser, no LLM): moves a task through its statuses
 * and records a step with an action and an artifact, as a worker would.
 */
final class TaskDriver {
    private final TaskRepositories repos;
    private final String organizationId;

    TaskDriver(TaskRepositories repos, String organizationId) {
        this.repos = repos;
        this.organizationId = organizationId;
    }

    void transition(String taskId, TaskStatus from, TaskStatus to, String failureReason) {
        Instant now = now();
        boolean moved = repos.tasks().transition(organizationId, taskId, from, to, failureReason, false, now,
                to.isFinal() ? now : null);
        if (!moved) {
            throw new IllegalStateException(taskId + " was not " + from);
        }
    }

    /** Step {@code order} on {@code url} with one click action (and its reasoning) and a screenshot. */
    void step(String taskId, int order, String url, String reasoning) {
        Instant now = now();
        String stepId = "stp_" + taskId + "_" + order;
        repos.steps().insert(new Step(stepId, taskId, organizationId, order, 0, StepStatus.COMPLETED, url, null, null,
                100, 20, 0.001, 5, 6, 7, now, now, now));
        repos.actions().insert(new ActionRecord("act_" + taskId + "_" + order, stepId, taskId, 1, "click", "e12",
                reasoning, Json.mapper().createObjectNode(), "success", "clicked", 12, now));
        repos.artifacts().insert(new Artifact("a_" + taskId + "_" + order, organizationId, taskId, stepId, null, null,
                ArtifactType.SCREENSHOT_AFTER, "file:///tmp/" + stepId + ".png", "image/png", 42, now));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
