package io.skyvern.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.skyvern.browser.playwright.PlaywrightBrowserManager;
import io.skyvern.common.Json;
import io.skyvern.config.BrowserConfig;
import io.skyvern.workflow.WorkflowRequest;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunBlock;
import io.skyvern.workflow.WorkflowRunDetails;
import io.skyvern.workflow.WorkflowRunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.skyvern.execution.WorkflowExecutionBed.await;
import static io.skyvern.execution.WorkflowExecutionBed.block;
import static io.skyvern.execution.WorkflowExecutionBed.blocks;
import static io.skyvern.execution.WorkflowExecutionBed.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How executed workflow runs end: failing blocks with and without continue_on_failure, the time
 * limit, a cancel during a long wait, an undefined template variable, an empty loop, and the
 * workflow version each run executes. Runs go through the service, the database queue and a
 * real worker pool; code blocks run in real Chromium. No LLM is configured.
 */
class WorkflowRunOutcomesIT {
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);
    static PlaywrightBrowserManager browsers;
    static HttpServer receiver;
    static String hook;
    static final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        String exe = Files.isExecutable(Path.of(WorkflowRunExecutorIT.CHROMIUM)) ? WorkflowRunExecutorIT.CHROMIUM : "";
        browsers = new PlaywrightBrowserManager(new BrowserConfig(exe, "", true, 1280, 800, false), 2);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", ex -> {
            received.add(Json.mapper().readTree(ex.getRequestBody().readAllBytes()));
            byte[] answer = "{\"stored\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
        });
        receiver.start();
        hook = "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @BeforeEach
    void reset() {
        received.clear();
    }

    private WorkflowExecutionBed bed(Clock engineClock) {
        return new WorkflowExecutionBed(tmp, browsers, null, engineClock);
    }

    private WorkflowExecutionBed bed() {
        return bed(Clock.systemUTC());
    }

    private static String failing(boolean continueOnFailure) {
        return "{'blocks':[{'id':'bad','type':'code','continue_on_failure':" + continueOnFailure
                + ",'parameters':{'code':'throw new Error(`boom ${params.n}`);'}},"
                + "{'id':'after','type':'code','parameters':{'code':'return params.n * 2;'}}],"
                + "'connections':[{'source':'bad','target':'after'}]}";
    }

    @Test
    void failing_block_fails_the_run_unless_it_may_continue_on_failure() throws Exception {
        try (WorkflowExecutionBed bed = bed().start()) {
            WorkflowRun soft = bed.startRun(bed.create(failing(true)), "{'n':21}");
            WorkflowRun hard = bed.startRun(bed.create(failing(false)), "{'n':21}");
            WorkflowRunDetails softDone = bed.awaitEnd(soft, RUN_TIMEOUT);
            WorkflowRunDetails hardDone = bed.awaitEnd(hard, RUN_TIMEOUT);

            assertThat(softDone.run().status()).isEqualTo(WorkflowRunStatus.COMPLETED);
            assertThat(softDone.run().failureReason()).isNull();
            assertThat(softDone.run().output().get("bad").get("error").asText()).contains("boom 21");
            assertThat(softDone.run().output().get("after").asInt()).isEqualTo(42);
            assertThat(block(softDone, "bad").status()).isEqualTo("failed");
            assertThat(block(softDone, "bad").failureReason()).contains("boom 21");
            assertThat(block(softDone, "after").status()).isEqualTo("completed");
            assertThat(block(softDone, "after").output().asInt()).isEqualTo(42);

            assertThat(hardDone.run().status()).isEqualTo(WorkflowRunStatus.FAILED);
            assertThat(hardDone.run().failureReason()).startsWith("Block bad failed").contains("boom 21");
            assertThat(hardDone.run().output()).isEqualTo(json("{}"));
            assertThat(block(hardDone, "bad").status()).isEqualTo("failed");
            assertThat(block(hardDone, "bad").completedAt()).isNotNull();
            assertThat(blocks(hardDone, "after")).isEmpty();
        }
    }

    private static final String LONG_WAIT = "{'blocks':[{'id':'first','type':'http_request','parameters':{'method':'POST',"
            + "'url':'{{ params.hook }}/first','body':{'step':1}}},{'id':'long','type':'wait','parameters':{'seconds':30}},"
            + "{'id':'after','type':'http_request','parameters':{'method':'POST','url':'{{ params.hook }}/after','body':{'step':2}}}],"
            + "'connections':[{'source':'first','target':'long'},{'source':'long','target':'after'}]}";

    /**
     * max_execution_time_minutes is at least 1, so the engine gets a clock 58 s ahead of the
     * queue's: the deadline (claim time + 1 minute, computed by the executor from started_at)
     * arrives about 2 s into the run, during the 30 s wait.
     */
    @Test
    void run_past_its_time_limit_times_out_in_the_running_block() throws Exception {
        try (WorkflowExecutionBed bed = bed(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(58))).start()) {
            long t0 = System.nanoTime();
            WorkflowRun run = bed.startRun(bed.create(LONG_WAIT), "{'hook':'" + hook + "'}", null, 1);
            WorkflowRunDetails done = bed.awaitEnd(run, RUN_TIMEOUT);

            assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(15).toNanos());
            assertThat(done.run().status()).isEqualTo(WorkflowRunStatus.TIMED_OUT);
            assertThat(done.run().failureReason()).isEqualTo("The run exceeded its time limit of 1 minute(s)");
            assertThat(done.run().completedAt()).isNotNull();
            assertThat(done.run().output().get("first").get("status_code").asInt()).isEqualTo(200);
            assertThat(block(done, "long").status()).isEqualTo("timed_out");
            assertThat(blocks(done, "after")).isEmpty();
            assertThat(received).containsExactly(json("{'step':1}"));
        }
    }

    @Test
    void cancel_during_a_long_wait_stops_the_run_within_two_seconds() throws Exception {
        try (WorkflowExecutionBed bed = bed().start()) {
            WorkflowRun run = bed.startRun(bed.create(LONG_WAIT), "{'hook':'" + hook + "'}");
            await(() -> blocks(bed.details(run), "long").stream().anyMatch(b -> "running".equals(b.status())),
                    RUN_TIMEOUT);
            long t0 = System.nanoTime();
            WorkflowRun canceled = bed.service.cancelRun(bed.org, run.workflowId(), run.workflowRunId(), "Stop it");
            assertThat(canceled.status()).isEqualTo(WorkflowRunStatus.CANCELED);
            await(() -> "canceled".equals(block(bed.details(run), "long").status()) && bed.pool.inFlightCount() == 0,
                    Duration.ofSeconds(2));
            assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(2).toNanos());

            WorkflowRunDetails done = bed.details(run);
            assertThat(done.run().status()).isEqualTo(WorkflowRunStatus.CANCELED);
            assertThat(done.run().failureReason()).isEqualTo("Canceled: Stop it");
            assertThat(done.run().output().get("first").get("body")).isEqualTo(json("{'stored':true}"));
            assertThat(done.run().output().has("long")).isFalse();
            assertThat(block(done, "long").completedAt()).isNotNull();
            assertThat(blocks(done, "after")).isEmpty();
            assertThat(received).containsExactly(json("{'step':1}"));
        }
    }

    @Test
    void undefined_template_variable_fails_its_block_with_the_name_and_the_run() throws Exception {
        try (WorkflowExecutionBed bed = bed().start()) {
            WorkflowRun run = bed.startRun(bed.create("{'blocks':[{'id':'call','type':'http_request','parameters':"
                    + "{'method':'POST','url':'{{ params.hook }}/x','body':{'v':'{{ params.missing_value }}'}}}]}"),
                    "{'hook':'" + hook + "'}");
            WorkflowRunDetails done = bed.awaitEnd(run, RUN_TIMEOUT);

            assertThat(done.run().status()).isEqualTo(WorkflowRunStatus.FAILED);
            assertThat(done.run().failureReason()).startsWith("Block call failed").contains("params.missing_value");
            WorkflowRunBlock call = block(done, "call");
            assertThat(call.status()).isEqualTo("failed");
            assertThat(call.failureReason()).contains("params.missing_value");
            assertThat(received).isEmpty();
        }
    }

    @Test
    void loop_over_an_empty_list_completes_without_running_its_body() throws Exception {
        try (WorkflowExecutionBed bed = bed().start()) {
            WorkflowRun run = bed.startRun(bed.create("{'blocks':[{'id':'each','type':'loop','parameters':"
                    + "{'loop_over':'{{ params.items }}','loop_blocks':['body']}},"
                    + "{'id':'body','type':'code','parameters':{'code':'return loop.item;'}}]}"), "{'items':[]}");
            WorkflowRunDetails done = bed.awaitEnd(run, RUN_TIMEOUT);

            assertThat(done.run().status()).isEqualTo(WorkflowRunStatus.COMPLETED);
            assertThat(done.run().output()).isEqualTo(json("{'each':[]}"));
            assertThat(done.blocks()).singleElement().satisfies(b -> {
                assertThat(b.blockId()).isEqualTo("each");
                assertThat(b.status()).isEqualTo("completed");
                assertThat(b.output()).isEqualTo(json("[]"));
            });
        }
    }

    private static String versioned(int version) {
        return "{'blocks':[{'id':'post','type':'http_request','parameters':{'method':'POST',"
                + "'url':'{{ params.hook }}/v','body':{'version':" + version + ",'run':'{{ run.workflow_run_id }}'}}}]}";
    }

    @Test
    void each_run_executes_the_workflow_version_it_was_started_with() throws Exception {
        try (WorkflowExecutionBed bed = bed()) {
            String workflowId = bed.create(versioned(1));
            WorkflowRun first = bed.startRun(workflowId, "{'hook':'" + hook + "'}");
            bed.service.update(bed.org, workflowId, new WorkflowRequest("IT workflow", null, json(versioned(2)), null, null));
            WorkflowRun second = bed.startRun(workflowId, "{'hook':'" + hook + "'}");
            bed.start(); // both runs are queued before any worker exists: the first runs after the update
            WorkflowRunDetails firstDone = bed.awaitEnd(first, RUN_TIMEOUT);
            WorkflowRunDetails secondDone = bed.awaitEnd(second, RUN_TIMEOUT);

            assertThat(firstDone.run().workflowVersion()).isEqualTo(1);
            assertThat(secondDone.run().workflowVersion()).isEqualTo(2);
            assertThat(firstDone.run().output().get("post").get("status_code").asInt()).isEqualTo(200);
            assertThat(received).containsExactlyInAnyOrder(
                    json("{'version':1,'run':'" + first.workflowRunId() + "'}"),
                    json("{'version':2,'run':'" + second.workflowRunId() + "'}"));
            assertThat(block(firstDone, "post").output()).isEqualTo(firstDone.run().output().get("post"));
        }
    }
}
