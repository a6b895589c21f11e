package io.skyvern.execution;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.RunMode;
import io.skyvern.common.SkyvernException;
import io.skyvern.testing.ReplayModel;
import io.skyvern.testing.ReplaySite;
import io.skyvern.workflow.StartRunRequest;
import io.skyvern.workflow.WorkflowRequest;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunBlock;
import io.skyvern.workflow.WorkflowRunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.skyvern.execution.WorkflowExecutionBed.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replay in workflows, with a task's semantics: a task block records a script in its first run and
 * replays it without navigation calls in the next (run_mode on the run, or on the block, which wins);
 * replay with no script fails the block at once; each block run names its run mode, cache key, script
 * and version. Real Chromium on {@link ReplaySite}, a model answering after 1 s, H2 (and PostgreSQL
 * when set).
 */
class WorkflowReplayIT {
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
    void the_runs_mode_and_key_record_then_replay_the_task_block() throws Exception {
        String workflowId = workflow("");

        WorkflowRunBlock first = onlyBlock(run(workflowId, RunMode.AUTO, "{{ country }}-signup"));
        int calls = ReplayModel.navigationCalls(bed.llm);
        assertThat(first.status()).as(first.failureReason()).isEqualTo("completed");
        assertThat(calls).isEqualTo(5);
        assertThat(first.runMode()).isEqualTo("auto");
        assertThat(first.cacheKey()).isEqualTo("Japan-signup:signup");
        assertThat(first.scriptId()).startsWith("scr_");
        assertThat(first.scriptVersion()).isEqualTo(1);

        WorkflowRunBlock second = onlyBlock(run(workflowId, RunMode.AUTO, "{{ country }}-signup"));

        assertThat(second.status()).as(second.failureReason()).isEqualTo("completed");
        assertThat(second.output().at("/extracted_information/code").asText())
                .isEqualTo(ReplaySite.confirmation("alice", "Japan"));
        assertThat(ReplayModel.navigationCalls(bed.llm)).as("navigation calls of the replay").isEqualTo(calls);
        assertThat(second.scriptId()).isEqualTo(first.scriptId());
        assertThat(second.scriptVersion()).isEqualTo(1);

        WorkflowRunBlock agent = onlyBlock(run(workflowId, null, null));   // default mode: agent, nothing replayed
        assertThat(agent.runMode()).isEqualTo("agent");
        assertThat(ReplayModel.navigationCalls(bed.llm)).isEqualTo(calls + 5);
    }

    @Test
    void the_blocks_own_mode_and_key_win_and_replay_without_a_script_fails_the_block_at_once() throws Exception {
        String replayOnly = workflow("'run_mode':'replay','cache_key':'signup-{{ params.country }}',");

        WorkflowRun failed = run(replayOnly, RunMode.AUTO, null);

        assertThat(failed.status()).isEqualTo(WorkflowRunStatus.FAILED);
        assertThat(failed.failureReason()).contains("no script under the cache key 'signup-Japan'");
        assertThat(bed.llm.requestCount()).isZero();

        String auto = workflow("'run_mode':'auto','cache_key':'signup-{{ params.country }}',");
        WorkflowRunBlock recorded = onlyBlock(run(auto, RunMode.AGENT, null));
        assertThat(recorded.runMode()).isEqualTo("auto");
        assertThat(recorded.cacheKey()).isEqualTo("signup-Japan");
        assertThat(recorded.scriptVersion()).isEqualTo(1);
        int calls = ReplayModel.navigationCalls(bed.llm);

        WorkflowRunBlock replayed = onlyBlock(run(replayOnly, null, null));   // the other workflow's block, same key
        assertThat(replayed.status()).as(replayed.failureReason()).isEqualTo("completed");
        assertThat(replayed.scriptId()).isEqualTo(recorded.scriptId());
        assertThat(ReplayModel.navigationCalls(bed.llm)).isEqualTo(calls);
    }

    @Test
    void bad_modes_and_keys_are_refused_before_anything_runs() {
        assertThatThrownBy(() -> workflow("'run_mode':'sometimes',"))
                .isInstanceOfSatisfying(SkyvernException.class, e -> assertThat(e.getMessage() + e.errors())
                        .contains("Parameter 'run_mode' must be one of agent, replay, auto"));
        String workflowId = workflow("");
        assertThatThrownBy(() -> bed.skyvern.workflows().startRun(bed.org, workflowId, new StartRunRequest(
                json("{'country':'Japan'}"), null, null, null, null, null, RunMode.AUTO, "k".repeat(501))))
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    /** One task block on the replay site; {@code extra} adds block parameters (ending with a comma). */
    private String workflow(String extra) {
        String definition = "{'blocks':[{'id':'signup','type':'task','parameters':{" + extra
                + "'url':'" + site.url("/login") + "',"
                + "'navigation_goal':'Sign in, choose {{ params.country }}, accept the terms and finish',"
                + "'data_extraction_goal':'The confirmation code',"
                + "'navigation_payload':{'login':{'username':'alice','password':'" + ReplaySite.PASSWORD + "'},"
                + "'country':'{{ params.country }}'},'max_steps':10}}]}";
        return bed.skyvern.workflows().create(bed.org, new WorkflowRequest("Sign up", null, json(definition), null, null))
                .workflow().workflowId();
    }

    private WorkflowRun run(String workflowId, RunMode mode, String cacheKey) throws InterruptedException {
        WorkflowRun run = bed.skyvern.workflows().startRun(bed.org, workflowId, new StartRunRequest(
                json("{'country':'Japan'}"), null, null, null, null, null, mode, cacheKey));
        WorkflowExecutionBed.await(() -> bed.skyvern.workflows().getRun(bed.org, workflowId, run.workflowRunId(),
                false, false).run().status().isFinal(), Duration.ofSeconds(120));
        lastWorkflowId = workflowId;
        return bed.skyvern.workflows().getRun(bed.org, workflowId, run.workflowRunId(), false, false).run();
    }

    private String lastWorkflowId;

    private WorkflowRunBlock onlyBlock(WorkflowRun run) {
        var blocks = bed.skyvern.workflows().getRun(bed.org, lastWorkflowId, run.workflowRunId(), true, false).blocks();
        assertThat(blocks).hasSize(1);
        return blocks.get(0);
    }
}
