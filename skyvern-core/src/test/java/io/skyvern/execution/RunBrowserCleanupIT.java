package io.skyvern.execution;

import io.skyvern.browser.BrowserUsage;
import io.skyvern.config.ConfigKey;
import io.skyvern.task.CancelRequest;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import io.skyvern.task.TaskStatus;
import io.skyvern.testing.ScriptedReply;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.skyvern.execution.ExecutionTestBed.act;
import static io.skyvern.execution.ExecutionTestBed.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * However a run ends, its browser context is closed: after it, the browser reports no context and
 * the manager no session (what the agent soak watches over thousands of runs).
 */
class RunBrowserCleanupIT {

    @Test
    void completed_failed_terminated_and_canceled_runs_leave_no_context_open() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start()) {
            bed.llm.reply(actions(act("complete")));
            assertThat(run(bed, "Done at once", 10).status()).isEqualTo(TaskStatus.COMPLETED);
            assertNothingOpen(bed);

            bed.llm.reply(actions(act("scroll", "direction", "down")));
            assertThat(run(bed, "Out of steps", 1).status()).isEqualTo(TaskStatus.FAILED);
            assertNothingOpen(bed);

            bed.llm.reply(actions(act("terminate", "reason", "Nothing to do here")));
            assertThat(run(bed, "Give up", 10).status()).isEqualTo(TaskStatus.TERMINATED);
            assertNothingOpen(bed);

            bed.llm.reply(ScriptedReply.content("no JSON at all"), ScriptedReply.content("still none"));
            assertThat(run(bed, "Garbage answers", 10).status()).isEqualTo(TaskStatus.FAILED);
            assertNothingOpen(bed);

            for (boolean force : new boolean[]{false, true}) {
                int before = bed.llm.requestCount();
                bed.llm.reply(ScriptedReply.delayed(force ? 20_000 : 1_000, actions(act("complete"))));
                Task task = bed.skyvern.tasks().create(bed.org,
                        CreateTaskRequest.builder(bed.site.url("/products"), "Wait for a slow model").build());
                assertThat(bed.llm.awaitRequests(before + 1, Duration.ofSeconds(30))).isTrue();
                assertThat(bed.skyvern.browserUsage().openContexts()).isEqualTo(1);

                bed.skyvern.tasks().cancel(bed.org, task.taskId(), new CancelRequest("stop", force));

                assertThat(bed.await(task.taskId(), Duration.ofSeconds(30)).status()).isEqualTo(TaskStatus.CANCELED);
                assertNothingOpen(bed);
            }
        }
    }

    @Test
    void a_timed_out_run_leaves_no_context_open() {
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.TASK_TIMEOUT_SECONDS, "2"))) {
            bed.llm.reply(ScriptedReply.delayed(30_000, actions(act("complete"))));

            assertThat(run(bed, "Wait for a hung model", 10).status()).isEqualTo(TaskStatus.TIMED_OUT);

            assertNothingOpen(bed);
        }
    }

    private static Task run(ExecutionTestBed bed, String goal, int maxSteps) {
        return bed.run(CreateTaskRequest.builder(bed.site.url("/products"), goal).maxSteps(maxSteps).build());
    }

    /** The status is written before the run's last cleanup; wait for the run to leave this node. */
    private static void assertNothingOpen(ExecutionTestBed bed) {
        bed.awaitRunEnded(Duration.ofSeconds(10));
        assertThat(bed.skyvern.runsInFlight()).isZero();
        BrowserUsage usage = bed.skyvern.browserUsage();
        assertThat(usage.openSessions()).as("sessions: %s", usage).isZero();
        assertThat(usage.openContexts()).as("contexts: %s", usage).isZero();
        assertThat(usage.connectedBrowsers()).as("browsers: %s", usage).isPositive();
    }
}
