package io.skyvern.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import io.skyvern.common.RunMode;
import io.skyvern.script.RunScript;
import io.skyvern.script.ScriptDetails;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.StepQuery;
import io.skyvern.task.Task;
import io.skyvern.task.TaskStatus;
import io.skyvern.testing.ReplayModel;
import io.skyvern.testing.ReplaySite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay across a frame from another origin and a new tab, end to end: real Chromium on the
 * replay site's newsletter flow (follow a link by goto_url, sign up inside a cross-origin frame,
 * open the receipt the frame links to in a new tab, confirm it there), a model answering after a short delay, the product's
 * queue and database (H2, and PostgreSQL when set).
 */
class FrameAndTabReplayIT {
    private static final String EMAIL = "bob@example.com";
    private ExecutionTestBed bed;
    private ReplaySite site;
    private ReplaySite frameSite;

    @BeforeEach
    void start() {
        bed = ExecutionTestBed.start();
        site = ReplaySite.start();
        frameSite = ReplaySite.start();   // another port: another origin
        ReplayModel.serve(bed.llm, 200);
    }

    @AfterEach
    void stop() {
        frameSite.close();
        site.close();
        bed.close();
    }

    @Test
    void a_run_through_a_cross_origin_frame_and_a_new_tab_replays_without_navigation_calls() throws IOException {
        Task first = run(RunMode.AUTO);
        assertThat(first.status()).as(first.failureReason()).isEqualTo(TaskStatus.COMPLETED);
        int calls = ReplayModel.navigationCalls(bed.llm);
        assertThat(calls).as("follow the link, sign up, open the receipt, confirm, complete").isEqualTo(5);
        RunScript recorded = bed.skyvern.scripts().run(first.taskId()).orElseThrow();
        ScriptDetails script = bed.skyvern.scripts().get(bed.org, recorded.scriptId().orElseThrow());
        assertThat(Json.mapper().writeValueAsString(script)).contains("\"frame_path\":[\"iframe#signup\"]")
                .contains("\"payload_key\":\"email\"").contains("{\"action_type\":\"goto_url\",\"element\":{\"role\":\"link\",\"name\":\"Newsletter\"");

        Task second = run(RunMode.AUTO);

        assertThat(second.status()).as(second.failureReason()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(second.extractedInformation().path("code").asText()).isEqualTo(ReplaySite.receiptCode(EMAIL));
        assertThat(ReplayModel.navigationCalls(bed.llm)).as("navigation calls of the replay").isEqualTo(calls);
        assertThat(bed.stepModes(second)).hasSize(5).containsOnly("replayed");
        assertThat(lastUrl(second)).isEqualTo(lastUrl(first)).contains("/receipt/done");
        var steps = bed.skyvern.tasks().steps(bed.org, second.taskId(), new StepQuery(true, true, Set.of()));
        assertThat(steps.get(steps.size() - 1).screenshots()).as("the final page's screenshot").isNotEmpty();
        assertThat(steps.get(1).actions()).extracting(a -> a.actionType())
                .containsExactly("input_text", "click");   // typed into and submitted inside the frame
    }

    @Test
    void a_moved_frame_and_restyled_controls_replay_without_navigation_calls() throws IOException {
        Task first = run(RunMode.AGENT);
        assertThat(first.status()).as(first.failureReason()).isEqualTo(TaskStatus.COMPLETED);
        int calls = ReplayModel.navigationCalls(bed.llm);
        site.variant(ReplaySite.Variant.RESTYLED);        // the frame has another id, wrappers, a frame before it
        frameSite.variant(ReplaySite.Variant.RESTYLED);   // the form inside it other ids and nesting

        Task replayed = run(RunMode.REPLAY);

        assertThat(replayed.status()).as(replayed.failureReason()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(replayed.extractedInformation().path("code").asText()).isEqualTo(ReplaySite.receiptCode(EMAIL));
        assertThat(ReplayModel.navigationCalls(bed.llm)).isEqualTo(calls);
        assertThat(bed.stepModes(replayed)).containsOnly("replayed");
    }

    @Test
    void an_exported_program_follows_the_frame_and_the_new_tab_to_the_same_final_page() throws Exception {
        Task task = run(RunMode.AGENT);
        assertThat(task.status()).as(task.failureReason()).isEqualTo(TaskStatus.COMPLETED);
        String source = bed.skyvern.scripts().exportJava(bed.org, task.taskId(), task.url(), task.navigationPayload());
        assertThat(source).contains("List.of(\"iframe#signup\")", "EMAIL = \"" + EMAIL + "\"");

        String out = ExportedProgram.compileAndRun("SkyvernExport", source, Map.of(
                "SKYVERN_BROWSER_EXECUTABLE", ExecutionTestBed.CHROMIUM, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));

        assertThat(out).contains("FINAL_URL=" + lastUrl(task));
    }

    private Task run(RunMode mode) throws IOException {
        JsonNode payload = Json.mapper().readTree("{\"email\":\"" + EMAIL + "\"}");
        CreateTaskRequest request = CreateTaskRequest.builder(site.url("/news?frame=" + frameSite.origin()),
                        "Subscribe to the newsletter, open the receipt and confirm it")
                .dataExtractionGoal("The receipt code").navigationPayload(payload).runMode(mode).build();
        return bed.await(bed.skyvern.tasks().create(bed.org, request).taskId(), Duration.ofSeconds(90));
    }

    private String lastUrl(Task task) {
        var steps = bed.skyvern.tasks().steps(bed.org, task.taskId(), new StepQuery(false, false, Set.of()));
        return steps.get(steps.size() - 1).step().url();
    }
}
