package io.skyvern.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import io.skyvern.common.PageRequest;
import io.skyvern.task.CancelRequest;
import io.skyvern.task.Task;
import io.skyvern.task.TaskIncludes;
import io.skyvern.task.TaskQuery;
import io.skyvern.task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * run-task against a real server that has no workers: the test plays the agent (moves the task
 * through its statuses, records steps) and checks progress, result and exit status.
 */
class RunTaskIT {
    private static CliTestServer s;
    private static TaskDriver driver;

    @BeforeAll
    static void start() {
        s = CliTestServer.start();
        driver = new TaskDriver(s.repositories, s.organizationId);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** Starts run-task in the background with a unique goal; returns once its task exists. */
    private static Started startRun(String goal, String... extra) {
        StringWriter err = new StringWriter();
        String[] base = {"run-task", "--url", "https://shop.test/", "--goal", goal, "--max-steps", "5",
                "--poll-interval", "100ms"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(err, s.remote(args)));
        Task task = await(() -> find(goal) != null, "task created") ? find(goal) : null;
        return new Started(run, err, task);
    }

    private static Task find(String goal) {
        List<Task> tasks = s.skyvern.tasks().list(s.organizationId,
                TaskQuery.defaults().withSearch(goal).withPage(new PageRequest(1, 5))).items();
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    @Test
    void completed_task_exits_0_after_live_progress_on_stderr() throws Exception {
        Started started = startRun("complete with progress");
        String id = started.task.taskId();
        driver.transition(id, TaskStatus.QUEUED, TaskStatus.RUNNING, null);
        driver.step(id, 1, "https://shop.test/", "Open the product page to see the price");
        assertThat(await(() -> started.err.toString().contains("Open the product page"), "progress")).isTrue();
        assertThat(started.run).isNotDone();
        driver.step(id, 2, "https://shop.test/item/7", "The price is visible now");
        driver.transition(id, TaskStatus.RUNNING, TaskStatus.COMPLETED, null);
        CliRun run = started.run.get(30, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("task " + id + " queued: https://shop.test/")
                .contains("status: running")
                .contains("step 1 of 5 · https://shop.test/")
                .contains("  click e12 [success] - Open the product page to see the price")
                .contains("step 2 of 5 · https://shop.test/item/7");
        assertThat(run.out()).contains("status: completed").contains("task_id: " + id)
                .contains("artifacts:").contains("screenshot_after");
    }

    @Test
    void failed_task_exits_1_with_the_failure_reason_in_json() throws Exception {
        Started started = startRun("fail as json", "--json");
        String id = started.task.taskId();
        driver.transition(id, TaskStatus.QUEUED, TaskStatus.RUNNING, null);
        driver.transition(id, TaskStatus.RUNNING, TaskStatus.FAILED, "Reached the maximum of 5 steps");
        CliRun run = started.run.get(30, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.get("task_id").asText()).isEqualTo(id);
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("failure_reason").asText()).isEqualTo("Reached the maximum of 5 steps");
        assertThat(json.get("exit_code").asInt()).isEqualTo(1);
        assertThat(json.get("client_timed_out").asBoolean()).isFalse();
    }

    @Test
    void terminated_task_exits_1() throws Exception {
        Started started = startRun("terminate me");
        driver.transition(started.task.taskId(), TaskStatus.QUEUED, TaskStatus.RUNNING, null);
        driver.transition(started.task.taskId(), TaskStatus.RUNNING, TaskStatus.TERMINATED, "login required");
        CliRun run = started.run.get(30, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("status: terminated").contains("failure_reason: login required");
    }

    @Test
    void task_canceled_by_someone_else_exits_3() throws Exception {
        Started started = startRun("canceled elsewhere");
        s.skyvern.tasks().cancel(s.organizationId, started.task.taskId(), CancelRequest.of("operator"));
        CliRun run = started.run.get(30, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains("status: canceled");
        assertThat(run.err()).contains("status: canceled");
    }

    @Test
    void client_timeout_cancels_the_task_and_exits_3() throws Exception {
        long start = System.nanoTime();
        Started started = startRun("nobody runs this", "--timeout", "1s");
        CliRun run = started.run.get(30, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("timeout of 1s reached: canceling " + started.task.taskId());
        assertThat(run.out()).contains("status: canceled (client-side timeout after 1s)");
        Task after = s.skyvern.tasks().getDetails(s.organizationId, started.task.taskId(), TaskIncludes.NONE).task();
        assertThat(after.status()).isEqualTo(TaskStatus.CANCELED);
        assertThat(after.failureReason()).contains("client-side timeout after 1s");
    }

    @Test
    void request_options_reach_the_task() throws Exception {
        Path schema = Files.createTempFile("schema", ".json");
        Files.writeString(schema, "{\"type\":\"object\",\"properties\":{\"price\":{\"type\":\"number\"}}}");
        Started started = startRun("options reach the task", "--extract", "the price", "--schema",
                schema.toString(), "--payload", "{\"email\":\"a@b.test\"}", "--timeout", "500ms");
        CliRun run = started.run.get(30, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        Task task = started.task;
        assertThat(task.dataExtractionGoal()).isEqualTo("the price");
        assertThat(task.maxSteps()).isEqualTo(5);
        assertThat(task.extractedInformationSchema().at("/properties/price/type").asText()).isEqualTo("number");
        assertThat(task.navigationPayload().get("email").asText()).isEqualTo("a@b.test");
    }

    @Test
    void invalid_task_is_a_usage_error_with_every_problem() {
        CliRun run = CliRun.of(s.remote("run-task", "--url", "not a url", "--goal", "g", "--max-steps", "0"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith("skyvern-cli: ").contains("  - ").doesNotContain("\tat ");
    }

    private static boolean await(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private record Started(CompletableFuture<CliRun> run, StringWriter err, Task task) {
    }
}
