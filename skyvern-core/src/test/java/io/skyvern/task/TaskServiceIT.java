package io.skyvern.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.OrgLimits;
import io.skyvern.common.RunPriority;
import io.skyvern.testing.TestOrganizations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TaskServiceIT {
    private static TaskTestSupport t;
    private String org;

    @BeforeAll
    static void open() {
        t = new TaskTestSupport();
    }

    @AfterAll
    static void close() {
        t.close();
    }

    @BeforeEach
    void newOrganization() {
        org = TestOrganizations.insert(t.database);
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static SkyvernException fails(ErrorCode code, Executable call) {
        SkyvernException e = catchThrowableOfType(SkyvernException.class, call::execute);
        assertThat(e).as("expected " + code).isNotNull();
        assertThat(e.errorCode()).isEqualTo(code);
        return e;
    }

    private Task create(String goal) {
        return t.service.create(org, CreateTaskRequest.builder("https://example.com/start", goal).build());
    }

    @Test
    void create_stores_a_queued_task_with_the_default_max_steps() {
        Task task = create("Find the pricing page");
        assertThat(task.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(task.taskId()).startsWith("tsk_");
        assertThat(task.maxSteps()).isEqualTo(10);
        assertThat(task.priority()).isEqualTo(RunPriority.NORMAL);
        assertThat(task.createdAt()).isEqualTo(t.clock.instant());
        assertThat(t.service.get(org, task.taskId())).isEqualTo(task);
    }

    @Test
    void create_round_trips_every_field() {
        CreateTaskRequest request = CreateTaskRequest.builder("https://shop.example.com/login", "Log in")
                .title("Invoices").dataExtractionGoal("the total").navigationPayload(json("{\"email\":\"a@b.c\",\"n\":[1,2]}"))
                .extractedInformationSchema(json("{\"type\":\"object\",\"properties\":{\"total\":{\"type\":\"number\"}}}"))
                .errorCodeMapping(Map.of("NO_INVOICE", "there is no invoice")).webhookCallbackUrl("http://127.0.0.1:9/h")
                .maxSteps(25).browserSessionId("pbs_abc").priority(RunPriority.URGENT).build();
        Task task = t.service.create(org, request);
        Task stored = t.service.get(org, task.taskId());
        assertThat(stored).isEqualTo(task);
        assertThat(stored.navigationPayload().get("n").get(1).asInt()).isEqualTo(2);
        assertThat(stored.errorCodeMapping()).containsEntry("NO_INVOICE", "there is no invoice");
        assertThat(stored.priority()).isEqualTo(RunPriority.URGENT);
        assertThat(stored.maxSteps()).isEqualTo(25);
        assertThat(stored.browserSessionId()).isEqualTo("pbs_abc");
    }

    @Test
    void bad_input_is_validation_failed_with_every_message_and_writes_nothing() {
        long before = t.count("tasks");
        SkyvernException e = fails(ErrorCode.VALIDATION_FAILED, () -> t.service.create(org,
                CreateTaskRequest.builder("ftp://example.com", " ").maxSteps(500).build()));
        assertThat(e.errors()).containsExactly("URL must start with http:// or https://",
                "Navigation goal cannot be empty", "max_steps must be between 1 and 50 (got 500)");
        assertThat(t.count("tasks")).isEqualTo(before);
    }

    @Test
    void create_beyond_the_pending_cap_is_limit_exceeded_and_writes_nothing() {
        String small = TestOrganizations.insert(t.database, new OrgLimits(10, 5, 50, 2));
        CreateTaskRequest request = CreateTaskRequest.builder("https://example.com", "goal").build();
        Task first = t.service.create(small, request);
        t.service.create(small, request);
        long before = t.count("tasks");
        SkyvernException e = fails(ErrorCode.LIMIT_EXCEEDED, () -> t.service.create(small, request));
        assertThat(e.errorCode().httpStatus()).isEqualTo(429);
        assertThat(t.count("tasks")).isEqualTo(before);
        t.service.cancel(small, first.taskId(), CancelRequest.of("make room"));
        assertThat(t.service.create(small, request).status()).isEqualTo(TaskStatus.QUEUED);
    }

    @Test
    void another_organizations_task_is_not_found_everywhere() {
        Task task = create("mine");
        String other = TestOrganizations.insert(t.database);
        String id = task.taskId();
        assertThat(t.service.find(other, id)).isEmpty();
        fails(ErrorCode.TASK_NOT_FOUND, () -> t.service.get(other, id));
        fails(ErrorCode.TASK_NOT_FOUND, () -> t.service.getDetails(other, id, TaskIncludes.ALL));
        fails(ErrorCode.TASK_NOT_FOUND, () -> t.service.update(other, id, new UpdateTaskRequest(null, "x", null,
                null, null, null, null, null, null)));
        fails(ErrorCode.TASK_NOT_FOUND, () -> t.service.cancel(other, id, CancelRequest.of("no")));
        fails(ErrorCode.TASK_NOT_FOUND, () -> t.service.steps(other, id, StepQuery.all()));
        fails(ErrorCode.TASK_NOT_FOUND, () -> t.service.artifacts(other, id));
        fails(ErrorCode.TASK_NOT_FOUND, () -> t.service.logs(other, id));
        fails(ErrorCode.TASK_NOT_FOUND, () -> t.service.analytics(other, id));
        assertThat(t.service.list(other, TaskQuery.defaults()).items()).isEmpty();
        assertThat(t.service.list(org, TaskQuery.defaults()).items()).extracting(Task::taskId).containsExactly(id);
        assertThat(t.service.get(org, id).status()).isEqualTo(TaskStatus.QUEUED);
        fails(ErrorCode.TASK_NOT_FOUND, () -> t.service.get(org, "tsk_missing"));
    }

    @Test
    void update_changes_given_fields_only_while_queued() {
        Task task = t.service.create(org, CreateTaskRequest.builder("https://example.com", "old goal")
                .title("old title").maxSteps(5).build());
        t.clock.advance(Duration.ofSeconds(3));
        Task updated = t.service.update(org, task.taskId(), new UpdateTaskRequest("https://example.org/new", null,
                "new goal", "extract it", json("{\"k\":\"v\"}"), null, Map.of("E", "error"), null, 7));
        assertThat(updated.url()).isEqualTo("https://example.org/new");
        assertThat(updated.title()).isEqualTo("old title");
        assertThat(updated.navigationGoal()).isEqualTo("new goal");
        assertThat(updated.maxSteps()).isEqualTo(7);
        assertThat(updated.modifiedAt()).isEqualTo(t.clock.instant());
        assertThat(t.service.get(org, task.taskId())).isEqualTo(updated);
        t.move(updated, TaskStatus.RUNNING);
        SkyvernException e = fails(ErrorCode.TASK_NOT_EDITABLE, () -> t.service.update(org, task.taskId(),
                new UpdateTaskRequest(null, "late", null, null, null, null, null, null, null)));
        assertThat(e.errorCode().httpStatus()).isEqualTo(409);
        assertThat(t.service.get(org, task.taskId()).title()).isEqualTo("old title");
    }

    @Test
    void update_revalidates_the_merged_request_and_writes_nothing_when_bad() {
        Task task = create("goal");
        SkyvernException e = fails(ErrorCode.VALIDATION_FAILED, () -> t.service.update(org, task.taskId(),
                new UpdateTaskRequest("mailto:x@y.z", null, "", null, json("[1]"), null, null, null, 0)));
        assertThat(e.errors()).hasSize(4);
        assertThat(t.service.get(org, task.taskId())).isEqualTo(task);
    }

    @Test
    void cancel_of_queued_task_is_immediate_with_the_reason() {
        Task task = create("goal");
        t.clock.advance(Duration.ofSeconds(2));
        CancelResult result = t.service.cancel(org, task.taskId(), CancelRequest.of("not needed"));
        assertThat(result.task().status()).isEqualTo(TaskStatus.CANCELED);
        assertThat(result.task().failureReason()).isEqualTo("Canceled: not needed");
        assertThat(result.task().completedAt()).isEqualTo(t.clock.instant());
        assertThat(result.cancellationTimeMs()).isBetween(0L, 10_000L);
        assertThat(t.repos.tasks().isCancelRequested(task.taskId())).isFalse();
    }

    @Test
    void cancel_of_running_task_flags_the_worker() {
        Task task = create("goal");
        t.move(task, TaskStatus.RUNNING);
        CancelResult result = t.service.cancel(org, task.taskId(), new CancelRequest(null, true));
        assertThat(result.task().status()).isEqualTo(TaskStatus.CANCELED);
        assertThat(result.task().failureReason()).isEqualTo("Canceled");
        assertThat(t.repos.tasks().isCancelRequested(task.taskId())).isTrue();
    }

    @Test
    void cancel_of_finished_task_is_409() {
        Task done = create("goal");
        t.move(done, TaskStatus.RUNNING, TaskStatus.COMPLETED);
        SkyvernException e = fails(ErrorCode.TASK_ALREADY_FINISHED,
                () -> t.service.cancel(org, done.taskId(), CancelRequest.of("late")));
        assertThat(e.errorCode().httpStatus()).isEqualTo(409);
        assertThat(e.getMessage()).isEqualTo("Task is already completed");
        assertThat(t.service.get(org, done.taskId()).status()).isEqualTo(TaskStatus.COMPLETED);

        Task canceled = create("goal");
        t.service.cancel(org, canceled.taskId(), CancelRequest.of("first"));
        e = fails(ErrorCode.TASK_ALREADY_FINISHED, () -> t.service.cancel(org, canceled.taskId(), CancelRequest.of("again")));
        assertThat(e.getMessage()).isEqualTo("Task is already canceled");
        assertThat(t.service.get(org, canceled.taskId()).failureReason()).isEqualTo("Canceled: first");
    }

    @Test
    void a_conditional_transition_from_a_stale_status_changes_nothing() {
        Task task = create("goal");
        t.move(task, TaskStatus.RUNNING);
        boolean changed = t.repos.tasks().transition(org, task.taskId(), TaskStatus.QUEUED, TaskStatus.CANCELED,
                "stale", true, t.clock.instant(), t.clock.instant());
        assertThat(changed).isFalse();
        assertThat(t.service.get(org, task.taskId()).status()).isEqualTo(TaskStatus.RUNNING);
    }
}
