package io.skyvern.task;

import io.skyvern.artifact.Artifact;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.runlog.RunLog;
import io.skyvern.testing.TestOrganizations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Steps, actions, artifacts, logs and analytics of a task with a recorded run. */
class TaskDetailsIT {
    private static TaskTestSupport t;
    private Task task;
    private Step s0;
    private Step s1;
    private Step s2;
    private ActionRecord click;
    private ActionRecord type;
    private ActionRecord failedClick;
    private Artifact before0;
    private Artifact tree0;
    private Artifact after1;
    private Artifact finalShot;
    private RunLog l1;
    private RunLog l2;

    @BeforeAll
    static void open() {
        t = new TaskTestSupport();
    }

    @AfterAll
    static void close() {
        t.close();
    }

    @BeforeEach
    void recordARun() {
        String org = TestOrganizations.insert(t.database);
        task = t.service.create(org, CreateTaskRequest.builder("https://example.com", "log in").build());
        t.move(task, TaskStatus.RUNNING);
        s0 = t.step(task, 0, StepStatus.COMPLETED, null, 2);
        s1 = t.step(task, 1, StepStatus.FAILED, "element e3 not found", 4);
        s2 = t.step(task, 2, StepStatus.COMPLETED, null, 9);
        click = t.action(s0, 0, "click", "completed", "ok");
        type = t.action(s0, 1, "input_text", "completed", "ok");
        failedClick = t.action(s1, 0, "click", "failed", "element e3 not found");
        t.action(s2, 0, "click", "failed", "element e3 not found");
        t.action(s2, 1, "complete", "completed", null);
        before0 = t.artifact(task, s0, ArtifactType.SCREENSHOT_BEFORE, 1000);
        tree0 = t.artifact(task, s0, ArtifactType.ELEMENT_TREE, 300);
        after1 = t.artifact(task, s1, ArtifactType.SCREENSHOT_AFTER, 2000);
        finalShot = t.artifact(task, null, ArtifactType.SCREENSHOT_FINAL, 700);
        l1 = t.log(task, "info", "step 0 started");
        l2 = t.log(task, "error", "step 1 failed");
        t.clock.advance(Duration.ofSeconds(20));
        t.move(t.service.get(org, task.taskId()), TaskStatus.COMPLETED);
        task = t.service.get(org, task.taskId());
    }

    private String org() {
        return task.organizationId();
    }

    @Test
    void steps_come_in_order_with_actions_and_screenshots_when_asked() {
        List<StepDetails> plain = t.service.steps(org(), task.taskId(), StepQuery.all());
        assertThat(plain).extracting(StepDetails::step).containsExactly(s0, s1, s2);
        assertThat(plain).allMatch(d -> d.actions().isEmpty() && d.screenshots().isEmpty());

        List<StepDetails> full = t.service.steps(org(), task.taskId(), new StepQuery(true, true, Set.of()));
        assertThat(full.get(0).actions()).containsExactly(click, type);
        assertThat(full.get(0).screenshots()).containsExactly(before0);
        assertThat(full.get(1).actions()).containsExactly(failedClick);
        assertThat(full.get(1).screenshots()).containsExactly(after1);
        assertThat(full.get(2).screenshots()).isEmpty();
    }

    @Test
    void step_status_filter_keeps_only_those_statuses() {
        assertThat(t.service.steps(org(), task.taskId(), new StepQuery(false, false, Set.of(StepStatus.FAILED))))
                .extracting(StepDetails::step).containsExactly(s1);
        assertThat(t.service.steps(org(), task.taskId(),
                new StepQuery(false, false, Set.of(StepStatus.FAILED, StepStatus.COMPLETED)))).hasSize(3);
        assertThat(t.service.steps(org(), task.taskId(), new StepQuery(false, false, Set.of(StepStatus.RUNNING))))
                .isEmpty();
    }

    @Test
    void artifacts_and_logs_are_listed_oldest_first() {
        assertThat(t.service.artifacts(org(), task.taskId())).containsExactly(before0, tree0, after1, finalShot);
        assertThat(t.service.logs(org(), task.taskId())).containsExactly(l1, l2);
    }

    @Test
    void details_bring_only_the_included_parts() {
        TaskDetails none = t.service.getDetails(org(), task.taskId(), TaskIncludes.NONE);
        assertThat(none.task()).isEqualTo(task);
        assertThat(none.steps()).isEmpty();
        assertThat(none.artifacts()).isEmpty();
        assertThat(none.logs()).isEmpty();
        TaskDetails all = t.service.getDetails(org(), task.taskId(), TaskIncludes.ALL);
        assertThat(all.steps()).hasSize(3);
        assertThat(all.steps().get(0).actions()).containsExactly(click, type);
        assertThat(all.artifacts()).hasSize(4);
        assertThat(all.logs()).containsExactly(l1, l2);
        TaskDetails logsOnly = t.service.getDetails(org(), task.taskId(), new TaskIncludes(false, false, true));
        assertThat(logsOnly.logs()).hasSize(2);
        assertThat(logsOnly.steps()).isEmpty();
    }

    @Test
    void analytics_has_the_task_step_action_resource_and_error_metrics() {
        TaskAnalytics a = t.service.analytics(org(), task.taskId());
        assertThat(a.taskId()).isEqualTo(task.taskId());
        assertThat(a.taskMetrics()).containsEntry("status", "completed").containsEntry("total_steps", 3)
                .containsEntry("completed_steps", 2L).containsEntry("failed_steps", 1L)
                .containsEntry("success_rate", 66.67).containsEntry("total_actions", 5)
                .containsEntry("total_artifacts", 4).containsEntry("actions_per_step", 1.67);
        double duration = (double) a.taskMetrics().get("total_duration_seconds");
        assertThat(duration).isEqualTo(Duration.between(task.createdAt(), task.completedAt()).toMillis() / 1000.0);
        assertThat(a.stepMetrics()).containsEntry("average_step_duration_seconds", 5.0)
                .containsEntry("median_step_duration_seconds", 4.0).containsEntry("max_step_duration_seconds", 9.0)
                .containsEntry("total_input_tokens", 600L).containsEntry("total_output_tokens", 60L)
                .containsEntry("total_cost", 0.75);
        assertThat(a.actionMetrics()).containsEntry("actions_by_type", Map.of("click", 3L, "complete", 1L,
                "input_text", 1L)).containsEntry("actions_by_status", Map.of("completed", 3L, "failed", 2L))
                .containsEntry("failure_rate", 40.0);
        assertThat(a.resourceMetrics()).containsEntry("screenshots_count", 3L)
                .containsEntry("total_artifact_bytes", 4000L);
        assertThat(a.errorAnalysis()).containsEntry("step_failure_reasons", Map.of("element e3 not found", 1L))
                .containsEntry("action_errors", Map.of("element e3 not found", 2L))
                .containsEntry("failed_actions", 2L);
    }

    @Test
    void analytics_of_a_fresh_task_are_zeros_not_errors() {
        Task fresh = t.service.create(org(), CreateTaskRequest.builder("https://example.com", "x").build());
        TaskAnalytics a = t.service.analytics(org(), fresh.taskId());
        assertThat(a.taskMetrics()).containsEntry("total_steps", 0).containsEntry("success_rate", 0.0)
                .containsEntry("total_duration_seconds", null);
        assertThat(a.stepMetrics()).containsEntry("median_step_duration_seconds", 0.0);
        assertThat(a.actionMetrics()).containsEntry("failure_rate", 0.0);
    }

    @Test
    void an_action_for_an_unknown_task_is_rejected() {
        ActionRecord orphan = new ActionRecord("act_orphan", s0.stepId(), "tsk_nope", 9, "click", null, null, null,
                "completed", null, 1, t.clock.instant());
        SkyvernException e = catchThrowableOfType(SkyvernException.class, () -> t.repos.actions().insert(orphan));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.TASK_NOT_FOUND);
    }
}
