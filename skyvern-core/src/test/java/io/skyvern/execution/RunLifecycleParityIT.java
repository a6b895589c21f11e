package io.skyvern.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.skyvern.common.Json;
import io.skyvern.config.ConfigKey;
import io.skyvern.task.CancelRequest;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import io.skyvern.testing.ScriptedReply;
import io.skyvern.workflow.StartRunRequest;
import io.skyvern.workflow.WorkflowRequest;
import io.skyvern.workflow.WorkflowRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static io.skyvern.execution.ExecutionTestBed.act;
import static io.skyvern.execution.ExecutionTestBed.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks and workflow runs end through one lifecycle: finished, canceled (running or queued) and
 * timed out, each kind gets the same status, timestamps and failure reason, and exactly one
 * webhook. Runs on H2 and PostgreSQL (the failsafe executions).
 */
class RunLifecycleParityIT {

    @Test
    void finishing_completes_both_kinds_with_timestamps_and_one_webhook_each() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start(); Hooks hooks = Hooks.start()) {
            bed.llm.whenExhausted(r -> actions(act("complete")));
            String taskId = startTask(bed, hooks, "Finish");
            String[] run = startRun(bed, hooks, 1, null);

            Ended task = awaitTask(bed, taskId);
            Ended wf = awaitRun(bed, run);

            for (Ended e : List.of(task, wf)) {
                assertThat(e.status()).as(e.toString()).isEqualTo("completed");
                assertThat(e.failureReason()).as(e.toString()).isNull();
                assertThat(e.startedAt()).as(e.toString()).isNotNull();
                assertThat(e.completedAt()).as(e.toString()).isAfterOrEqualTo(e.startedAt());
            }
            hooks.assertExactlyOneEach("completed");
        }
    }

    @Test
    void canceling_a_running_run_stops_both_kinds_alike() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start(); Hooks hooks = Hooks.start()) {
            bed.llm.whenExhausted(r -> ScriptedReply.delayed(1500, actions(act("scroll", "direction", "down"))));
            String taskId = startTask(bed, hooks, "Scroll forever");
            String[] run = startRun(bed, hooks, 60, null);
            await(() -> bed.llm.requestCount() >= 1 && runOf(bed, run).status().wireName().equals("running"),
                    Duration.ofSeconds(30));

            bed.skyvern.tasks().cancel(bed.org, taskId, new CancelRequest("enough", false));
            bed.skyvern.workflows().cancelRun(bed.org, run[0], run[1], "enough");
            bed.awaitRunEnded(Duration.ofSeconds(10));

            assertThat(bed.skyvern.runsInFlight()).isZero();
            for (Ended e : List.of(awaitTask(bed, taskId), awaitRun(bed, run))) {
                assertThat(e.status()).as(e.toString()).isEqualTo("canceled");
                assertThat(e.failureReason()).as(e.toString()).isEqualTo("Canceled: enough");
                assertThat(e.startedAt()).as(e.toString()).isNotNull();
                assertThat(e.completedAt()).as(e.toString()).isAfterOrEqualTo(e.startedAt());
            }
            hooks.assertExactlyOneEach("canceled");
        }
    }

    @Test
    void canceling_a_queued_run_ends_both_kinds_with_one_webhook() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.WORKERS, "0")); Hooks hooks = Hooks.start()) {
            String taskId = startTask(bed, hooks, "Never runs");
            String[] run = startRun(bed, hooks, 1, null);

            bed.skyvern.tasks().cancel(bed.org, taskId, new CancelRequest(null, false));
            bed.skyvern.workflows().cancelRun(bed.org, run[0], run[1], null);

            for (Ended e : List.of(awaitTask(bed, taskId), awaitRun(bed, run))) {
                assertThat(e.status()).as(e.toString()).isEqualTo("canceled");
                assertThat(e.failureReason()).as(e.toString()).isEqualTo("Canceled");
                assertThat(e.startedAt()).as(e.toString()).isNull();
                assertThat(e.completedAt()).as(e.toString()).isNotNull();
            }
            hooks.assertExactlyOneEach("canceled");
        }
    }

    @Test
    void a_run_past_its_time_limit_is_timed_out_in_both_kinds() throws Exception {
        // Tasks have a limit in seconds (SKYVERN_TASK_TIMEOUT_SECONDS); a workflow run's is in minutes.
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.TASK_TIMEOUT_SECONDS, "3"));
             Hooks hooks = Hooks.start()) {
            bed.llm.whenExhausted(r -> ScriptedReply.delayed(30_000, actions(act("complete"))));
            String taskId = startTask(bed, hooks, "Wait for a hung model");
            String[] run = startRun(bed, hooks, 120, 1);

            Ended task = awaitTask(bed, taskId);
            Ended wf = awaitRun(bed, run);

            for (Ended e : List.of(task, wf)) {
                assertThat(e.status()).as(e.toString()).isEqualTo("timed_out");
                assertThat(e.failureReason()).as(e.toString()).startsWith("The run exceeded its time limit");
                assertThat(e.startedAt()).as(e.toString()).isNotNull();
                assertThat(e.completedAt()).as(e.toString()).isAfterOrEqualTo(e.startedAt());
            }
            assertThat(Duration.between(task.startedAt(), task.completedAt())).isLessThan(Duration.ofSeconds(15));
            assertThat(Duration.between(wf.startedAt(), wf.completedAt())).isBetween(Duration.ofSeconds(59),
                    Duration.ofSeconds(75));
            hooks.assertExactlyOneEach("timed_out");
        }
    }

    /** What the test compares across the two kinds. */
    record Ended(String kind, String status, String failureReason, Instant startedAt, Instant completedAt) {
    }

    private static String startTask(ExecutionTestBed bed, Hooks hooks, String goal) {
        return bed.skyvern.tasks().create(bed.org, CreateTaskRequest.builder(bed.site.url("/products"), goal)
                .maxSteps(50).webhookCallbackUrl(hooks.url("/task")).build()).taskId();
    }

    /** Starts a run of a one-block workflow waiting {@code seconds}; returns {workflow id, run id}. */
    private static String[] startRun(ExecutionTestBed bed, Hooks hooks, int seconds, Integer minutes) {
        JsonNode definition = Json.mapper().valueToTree(Map.of("blocks", List.of(Map.of("id", "wait", "type", "wait",
                "parameters", Map.of("seconds", seconds)))));
        String workflowId = bed.skyvern.workflows().create(bed.org, new WorkflowRequest("Wait", null, definition,
                null, null)).workflow().workflowId();
        WorkflowRun run = bed.skyvern.workflows().startRun(bed.org, workflowId, new StartRunRequest(
                Json.mapper().createObjectNode(), null, hooks.url("/run"), minutes, null));
        return new String[] {workflowId, run.workflowRunId()};
    }

    private static WorkflowRun runOf(ExecutionTestBed bed, String[] run) {
        return bed.skyvern.workflows().getRun(bed.org, run[0], run[1], false, false).run();
    }

    private static Ended awaitTask(ExecutionTestBed bed, String taskId) {
        Task t = bed.await(taskId, Duration.ofSeconds(120));
        return new Ended("task", t.status().wireName(), t.failureReason(), t.startedAt(), t.completedAt());
    }

    private static Ended awaitRun(ExecutionTestBed bed, String[] run) {
        await(() -> runOf(bed, run).status().isFinal(), Duration.ofSeconds(120));
        WorkflowRun r = runOf(bed, run);
        return new Ended("workflow run", r.status().wireName(), r.failureReason(), r.startedAt(), r.completedAt());
    }

    private static void await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            ExecutionTestBed.sleep(50);
        }
    }

    /** A loopback webhook receiver that keeps every delivery by path. */
    static final class Hooks implements AutoCloseable {
        private final HttpServer server;
        private final List<Map.Entry<String, JsonNode>> received = new CopyOnWriteArrayList<>();

        private Hooks(HttpServer server) {
            this.server = server;
        }

        static Hooks start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                Hooks hooks = new Hooks(server);
                server.createContext("/", ex -> {
                    try (ex) {
                        hooks.received.add(Map.entry(ex.getRequestURI().getPath(),
                                Json.mapper().readTree(ex.getRequestBody().readAllBytes())));
                        ex.sendResponseHeaders(200, -1);
                    }
                });
                server.start();
                return hooks;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        /** Waits for both deliveries, then a little longer to see that no second one comes. */
        void assertExactlyOneEach(String status) {
            await(() -> count("/task") >= 1 && count("/run") >= 1, Duration.ofSeconds(20));
            ExecutionTestBed.sleep(1500);
            assertThat(count("/task")).as("task webhooks").isEqualTo(1);
            assertThat(count("/run")).as("workflow run webhooks").isEqualTo(1);
            for (Map.Entry<String, JsonNode> e : received) {
                assertThat(statusOf(e.getValue())).as(e.toString()).isEqualTo(status);
            }
        }

        private long count(String path) {
            return received.stream().filter(e -> e.getKey().equals(path)).count();
        }

        private static String statusOf(JsonNode body) {
            JsonNode status = body.has("status") ? body.get("status") : body.path("data").path("status");
            return status.asText();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
