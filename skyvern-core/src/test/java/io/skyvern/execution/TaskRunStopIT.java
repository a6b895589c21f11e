package io.skyvern.execution;

import io.skyvern.config.ConfigKey;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiStepRepository;
import io.skyvern.task.CancelRequest;
import io.skyvern.task.CancelResult;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Step;
import io.skyvern.task.StepQuery;
import io.skyvern.task.StepStatus;
import io.skyvern.task.Task;
import io.skyvern.task.TaskStatus;
import io.skyvern.testing.ScriptedReply;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static io.skyvern.execution.ExecutionTestBed.act;
import static io.skyvern.execution.ExecutionTestBed.actions;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs that stop early: cancel, forced cancel, time limit; and a run whose worker died. */
class TaskRunStopIT {

    @Test
    void cancel_mid_run_stops_at_the_next_action() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try (ExecutionTestBed bed = ExecutionTestBed.start()) {
            bed.llm.reply(ScriptedReply.delayed(1500, actions(act("scroll", "direction", "down"))));
            bed.llm.whenExhausted(r -> actions(act("complete")));
            Task task = bed.skyvern.tasks().create(bed.org,
                    CreateTaskRequest.builder(bed.site.url("/products"), "Scroll").build());
            assertThat(bed.llm.awaitRequests(1, Duration.ofSeconds(30))).isTrue();

            CancelResult result = bed.skyvern.tasks().cancel(bed.org, task.taskId(), new CancelRequest("enough", false));

            assertThat(result.task().status()).isEqualTo(TaskStatus.CANCELED);
            assertThat(result.task().failureReason()).isEqualTo("Canceled: enough");
            // It waited for the run to reach its next safe point (after the delayed answer).
            assertThat(result.cancellationTimeMs()).isBetween(300L, 5_000L);
            ExecutionTestBed.sleep(300);
            assertThat(bed.llm.requestCount()).isEqualTo(1);
            assertThat(bed.skyvern.runsInFlight()).isZero();
            Task after = bed.skyvern.tasks().get(bed.org, task.taskId());
            assertThat(after.status()).isEqualTo(TaskStatus.CANCELED);
            assertThat(bed.skyvern.tasks().steps(bed.org, task.taskId(), new StepQuery(true, false, Set.of())))
                    .isNotEmpty()
                    .allSatisfy(s -> assertThat(s.actions()).isEmpty())
                    // the step open at the cancel was cut short: canceled, not failed
                    .allSatisfy(s -> assertThat(s.step().status()).isEqualTo(StepStatus.CANCELED));
            // a cancel is a cancel, not a run lost to another worker
            assertThat(logged.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .noneMatch(line -> line.contains("taken over") || line.contains("left this worker"));
        } finally {
            root.detachAppender(logged);
        }
    }

    @Test
    void forced_cancel_closes_the_browser_and_stops_at_once() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start()) {
            bed.llm.reply(ScriptedReply.delayed(20_000, actions(act("complete"))));
            Task task = bed.skyvern.tasks().create(bed.org,
                    CreateTaskRequest.builder(bed.site.url("/products"), "Wait for a slow model").build());
            assertThat(bed.llm.awaitRequests(1, Duration.ofSeconds(30))).isTrue();

            long t0 = System.nanoTime();
            CancelResult result = bed.skyvern.tasks().cancel(bed.org, task.taskId(), new CancelRequest(null, true));
            long tookMs = (System.nanoTime() - t0) / 1_000_000;

            assertThat(result.task().status()).isEqualTo(TaskStatus.CANCELED);
            assertThat(tookMs).isLessThan(3_000);
            assertThat(result.cancellationTimeMs()).isLessThan(3_000);
            bed.awaitRunEnded(Duration.ofSeconds(2));
            assertThat(bed.skyvern.runsInFlight()).isZero();
            assertThat(bed.skyvern.tasks().get(bed.org, task.taskId()).status()).isEqualTo(TaskStatus.CANCELED);
        }
    }

    @Test
    void a_run_past_its_time_limit_is_timed_out() {
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.TASK_TIMEOUT_SECONDS, "2"))) {
            bed.llm.whenExhausted(r -> ScriptedReply.delayed(1200, actions(act("scroll", "direction", "down"))));

            Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/products"), "Scroll slowly").maxSteps(10)
                    .build());

            assertThat(task.status()).isEqualTo(TaskStatus.TIMED_OUT);
            assertThat(task.failureReason()).contains("time limit");
            assertThat(bed.llm.requestCount()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void a_hung_model_call_is_cut_at_the_time_limit() {
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.TASK_TIMEOUT_SECONDS, "2"))) {
            bed.llm.reply(ScriptedReply.delayed(30_000, actions(act("complete"))));
            long t0 = System.nanoTime();

            Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/products"), "Wait for a hung model").build());

            assertThat(task.status()).isEqualTo(TaskStatus.TIMED_OUT);
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(15_000);
        }
    }

    @Test
    void a_run_left_running_by_a_dead_worker_is_recovered_and_completed_by_a_new_instance() {
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.WORKERS, "0"))) {
            bed.llm.reply(actions(act("complete")));
            Task task = bed.skyvern.tasks().create(bed.org,
                    CreateTaskRequest.builder(bed.site.url("/products"), "Just finish").build());
            bed.skyvern.close();
            Instant started = Instant.now().minusSeconds(60);
            try (Database db = Database.open(bed.config.database())) {
                // The state a SIGKILLed node leaves: running, claimed, lease long expired, one step written.
                claimByDeadNode(db, task.taskId(), started);
                new JdbiStepRepository(db).insert(new Step("stp_dead_1", task.taskId(), bed.org, 1, 0,
                        StepStatus.RUNNING, bed.site.url("/products"), null, null, 0, 0, 0, 0, 0, 0, started,
                        started, null));
            }

            bed.restart(2);
            Task done = bed.await(task.taskId(), Duration.ofSeconds(60));

            assertThat(done.status()).as(String.valueOf(done.failureReason())).isEqualTo(TaskStatus.COMPLETED);
            var steps = bed.skyvern.tasks().steps(bed.org, task.taskId(), new StepQuery(false, false, Set.of()));
            assertThat(steps).extracting(s -> s.step().order()).containsExactly(1, 2);
            // The dead worker's step will never finish: the new attempt closes it and numbers its own after it.
            assertThat(steps.get(0).step().status()).isEqualTo(StepStatus.FAILED);
            assertThat(steps.get(0).step().failureReason()).contains("taken over");
            assertThat(steps.get(1).step().status()).isEqualTo(StepStatus.COMPLETED);
            assertThat(bed.llm.requests()).singleElement().satisfies(r ->
                    assertThat(r.lastUserText()).contains("Step 2 of at most"));
        }
    }

    @Test
    void a_recovered_run_counts_the_steps_of_its_earlier_attempt_against_max_steps() {
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.WORKERS, "0"))) {
            Task task = bed.skyvern.tasks().create(bed.org,
                    CreateTaskRequest.builder(bed.site.url("/products"), "Never finishes").maxSteps(2).build());
            bed.skyvern.close();
            Instant started = Instant.now().minusSeconds(60);
            try (Database db = Database.open(bed.config.database())) {
                claimByDeadNode(db, task.taskId(), started);
                JdbiStepRepository stepsOfDb = new JdbiStepRepository(db);
                stepsOfDb.insert(new Step("stp_dead_1", task.taskId(), bed.org, 1, 0, StepStatus.COMPLETED,
                        bed.site.url("/products"), null, null, 0, 0, 0, 0, 0, 0, started, started, started));
                stepsOfDb.insert(new Step("stp_dead_2", task.taskId(), bed.org, 2, 0, StepStatus.RUNNING,
                        bed.site.url("/products"), null, null, 0, 0, 0, 0, 0, 0, started, started, null));
            }

            bed.restart(1);
            Task done = bed.await(task.taskId(), Duration.ofSeconds(60));

            assertThat(done.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(done.failureReason()).contains("max_steps (2)");
            assertThat(bed.llm.requestCount()).isZero();
        }
    }

    /** What a SIGKILLed node leaves in the task row: running, claimed by it, its lease long expired. */
    private static void claimByDeadNode(Database db, String taskId, Instant started) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE tasks SET status = 'running', claimed_by = 'dead-node-w1', "
                        + "lease_expires_at = :past, attempts = 1, started_at = :started WHERE task_id = :id")
                .bind("past", OffsetDateTime.ofInstant(started.plusSeconds(30), ZoneOffset.UTC))
                .bind("started", OffsetDateTime.ofInstant(started, ZoneOffset.UTC))
                .bind("id", taskId).execute());
    }
}
