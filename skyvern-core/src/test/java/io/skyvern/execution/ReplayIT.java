package io.skyvern.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.RunMode;
import io.skyvern.common.SkyvernException;
import io.skyvern.script.RunScript;
import io.skyvern.script.ScriptDetails;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import io.skyvern.task.TaskStatus;
import io.skyvern.testing.ReplayModel;
import io.skyvern.testing.ReplaySite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Record, replay, heal and fall back, end to end: real Chromium on {@link ReplaySite}, a model that
 * answers after one second, the product's own queue and database (H2, and PostgreSQL when set).
 */
class ReplayIT {
    private static final long MODEL_DELAY_MS = 1000;
    private ExecutionTestBed bed;
    private ReplaySite site;

    @BeforeEach
    void start() {
        bed = ExecutionTestBed.start();
        site = ReplaySite.start();
        ReplayModel.serve(bed.llm, MODEL_DELAY_MS);
    }

    @AfterEach
    void stop() {
        site.close();
        bed.close();
    }

    @Test
    void second_run_in_auto_mode_replays_every_step_without_navigation_calls() throws IOException {
        Task first = run(RunMode.AUTO);
        int callsAfterFirst = ReplayModel.navigationCalls(bed.llm);
        assertThat(first.status()).as(first.failureReason()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(callsAfterFirst).isEqualTo(5);
        RunScript recorded = bed.skyvern.scripts().run(first.taskId()).orElseThrow();
        assertThat(recorded.scriptVersion()).contains(1);

        Task second = run(RunMode.AUTO);

        assertThat(second.status()).as(second.failureReason()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(second.extractedInformation().path("code").asText()).isEqualTo(ReplaySite.confirmation("alice", "Japan"));
        assertThat(ReplayModel.navigationCalls(bed.llm)).as("navigation calls of the replay").isEqualTo(callsAfterFirst);
        assertThat(bed.stepModes(second)).hasSize(5).containsOnly("replayed");
        RunScript used = bed.skyvern.scripts().run(second.taskId()).orElseThrow();
        assertThat(used.scriptId()).isEqualTo(recorded.scriptId());
        assertThat(used.scriptVersion()).contains(1);
        assertThat(wall(second)).as("replay wall time vs first run " + wall(first))
                .isLessThanOrEqualTo(wall(first).dividedBy(3));
        // The script holds the password's placeholder and the payload key, never the password.
        ScriptDetails script = bed.skyvern.scripts().get(bed.org, recorded.scriptId().orElseThrow());
        String json = Json.mapper().writeValueAsString(script);
        assertThat(json).doesNotContain(ReplaySite.PASSWORD).contains("{{secret:login.password}}")
                .contains("\"payload_key\":\"login.username\"").contains("\"role\":\"textbox\"");
    }

    @Test
    void a_restyled_page_with_the_same_texts_and_roles_replays_without_navigation_calls() throws IOException {
        run(RunMode.AGENT);
        int calls = ReplayModel.navigationCalls(bed.llm);
        site.variant(ReplaySite.Variant.RESTYLED);

        Task replayed = run(RunMode.REPLAY);

        assertThat(replayed.status()).as(replayed.failureReason()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(replayed.extractedInformation().path("code").asText()).isEqualTo(ReplaySite.confirmation("alice", "Japan"));
        assertThat(ReplayModel.navigationCalls(bed.llm)).isEqualTo(calls);
        assertThat(bed.stepModes(replayed)).containsOnly("replayed");
    }

    @Test
    void a_renamed_control_heals_with_one_call_and_saves_a_new_version() throws IOException {
        Task first = run(RunMode.AUTO);
        int calls = ReplayModel.navigationCalls(bed.llm);
        site.variant(ReplaySite.Variant.RENAMED);

        Task healed = run(RunMode.AUTO);

        assertThat(healed.status()).as(healed.failureReason()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(ReplayModel.navigationCalls(bed.llm) - calls).isEqualTo(1);
        assertThat(bed.stepModes(healed)).contains("healed").doesNotContain("agent");
        RunScript after = bed.skyvern.scripts().run(healed.taskId()).orElseThrow();
        assertThat(after.scriptId()).isEqualTo(bed.skyvern.scripts().run(first.taskId()).orElseThrow().scriptId());
        assertThat(after.scriptVersion()).contains(2);
        // The heal typed into fields the replay had filled: no descriptor may have read the password back.
        assertThat(Json.mapper().writeValueAsString(bed.skyvern.scripts().get(bed.org, after.scriptId().orElseThrow())))
                .doesNotContain(ReplaySite.PASSWORD);

        Task again = run(RunMode.AUTO);   // the new version replays the renamed page as is
        assertThat(again.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(ReplayModel.navigationCalls(bed.llm) - calls).isEqualTo(1);
        assertThat(bed.stepModes(again)).containsOnly("replayed");
    }

    @Test
    void an_element_found_by_its_id_but_named_otherwise_is_not_replayed_blindly() throws IOException {
        run(RunMode.AUTO);
        int calls = ReplayModel.navigationCalls(bed.llm);
        site.variant(ReplaySite.Variant.RELABELED);   // id "signin" is now "Create an account"

        Task healed = run(RunMode.AUTO);

        assertThat(healed.status()).as(healed.failureReason()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(healed.extractedInformation().path("code").asText()).isEqualTo(ReplaySite.confirmation("alice", "Japan"));
        assertThat(ReplayModel.navigationCalls(bed.llm) - calls).as("one call heals the sign-in step").isEqualTo(1);
        assertThat(bed.stepModes(healed)).contains("healed").doesNotContain("agent");
        assertThat(site.requested("/register")).as("the control under the recorded id was never used").isZero();
    }

    @Test
    void a_flow_that_differs_falls_back_to_the_agent_and_records_a_new_version() throws IOException {
        run(RunMode.AUTO);
        int calls = ReplayModel.navigationCalls(bed.llm);
        site.variant(ReplaySite.Variant.SPLIT);

        Task diverged = run(RunMode.AUTO);

        assertThat(diverged.status()).as(diverged.failureReason()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(diverged.extractedInformation().path("code").asText()).isEqualTo(ReplaySite.confirmation("alice", "Japan"));
        assertThat(bed.stepModes(diverged)).contains("healed", "agent");
        assertThat(ReplayModel.navigationCalls(bed.llm)).isGreaterThan(calls + 1);
        assertThat(bed.skyvern.scripts().run(diverged.taskId()).orElseThrow().scriptVersion()).contains(2);
    }

    @Test
    void replay_without_a_script_fails_at_once_and_scripts_stay_in_their_organisation() throws IOException {
        Task none = run(RunMode.REPLAY);
        assertThat(none.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(none.failureReason()).contains("no script under the cache key");
        assertThat(bed.llm.requestCount()).isZero();

        Task recorded = run(RunMode.AUTO);
        String scriptId = bed.skyvern.scripts().run(recorded.taskId()).orElseThrow().scriptId().orElseThrow();
        String other = bed.skyvern.organizations().create("Other org").organization().organizationId();
        SkyvernException e = catchThrowableOfType(SkyvernException.class,
                () -> bed.skyvern.scripts().get(other, scriptId));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.SCRIPT_NOT_FOUND);
        assertThat(bed.skyvern.scripts().list(other, io.skyvern.common.PageRequest.first()).items()).isEmpty();
        String theirs = bed.skyvern.tasks().create(other, request(RunMode.REPLAY)).taskId();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!bed.skyvern.tasks().get(other, theirs).status().isFinal() && System.nanoTime() < deadline) {
            ExecutionTestBed.sleep(50);
        }
        assertThat(bed.skyvern.tasks().get(other, theirs).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(bed.skyvern.tasks().get(other, theirs).failureReason()).contains("no script under the cache key");
    }

    @Test
    void an_exported_program_compiles_and_reaches_the_same_final_page() throws Exception {
        Task task = run(RunMode.AGENT);
        assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
        String source = bed.skyvern.scripts().exportJava(bed.org, task.taskId(), task.url(), task.navigationPayload());
        assertThat(source).contains("public class SkyvernExport", "AriaRole.TEXTBOX", "\"Username\"",
                        "LOGIN_USERNAME = \"alice\"", "secret(\"SKYVERN_SECRET_LOGIN_PASSWORD\")")
                .doesNotContain(ReplaySite.PASSWORD);
        var steps = bed.skyvern.tasks().steps(bed.org, task.taskId(), new io.skyvern.task.StepQuery(false, false,
                java.util.Set.of()));
        String finalUrl = steps.get(steps.size() - 1).step().url();

        String out = ExportedProgram.compileAndRun("SkyvernExport", source, java.util.Map.of(
                "SKYVERN_SECRET_LOGIN_PASSWORD", ReplaySite.PASSWORD,
                "SKYVERN_BROWSER_EXECUTABLE", ExecutionTestBed.CHROMIUM, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));

        assertThat(out).contains("FINAL_URL=" + finalUrl);
    }

    private Task run(RunMode mode) throws IOException {
        return bed.await(bed.skyvern.tasks().create(bed.org, request(mode)).taskId(), Duration.ofSeconds(90));
    }

    private CreateTaskRequest request(RunMode mode) throws IOException {
        JsonNode payload = Json.mapper().readTree("{\"login\":{\"username\":\"alice\",\"password\":\""
                + ReplaySite.PASSWORD + "\"},\"country\":\"Japan\"}");
        return CreateTaskRequest.builder(site.url("/login"), "Sign in, choose Japan, accept the terms and finish")
                .dataExtractionGoal("The confirmation code").navigationPayload(payload).runMode(mode).build();
    }

    private static Duration wall(Task t) {
        return Duration.between(t.startedAt(), t.completedAt());
    }
}
