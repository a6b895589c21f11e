package io.skyvern.execution;

import io.skyvern.common.Json;
import io.skyvern.config.ConfigKey;
import io.skyvern.workflow.StartRunRequest;
import io.skyvern.workflow.WorkflowRequest;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The facade wires workflow runs to the workers too, and starts no browser for runs that need none. */
class SkyvernWiringIT {

    @Test
    void a_workflow_run_without_browser_blocks_completes_through_the_facade_without_an_llm() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.LLM_MODEL, ""))) {
            var workflows = bed.skyvern.workflows();
            String id = workflows.create(bed.org, new WorkflowRequest("wait", null, Json.mapper().readTree(
                    "{\"blocks\":[{\"id\":\"pause\",\"type\":\"wait\",\"parameters\":{\"seconds\":0.1}}]}"),
                    null, null)).workflow().workflowId();
            WorkflowRun run = workflows.startRun(bed.org, id, new StartRunRequest(null, null, null, null, null));

            long deadline = System.nanoTime() + 30_000_000_000L;
            WorkflowRun now = run;
            while (!now.status().isFinal() && System.nanoTime() < deadline) {
                ExecutionTestBed.sleep(50);
                now = workflows.getRun(bed.org, id, run.workflowRunId(), false, false).run();
            }

            assertThat(now.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
            assertThat(bed.skyvern.browserLaunched()).isFalse();
            assertThat(bed.skyvern.runCountsByStatus()).containsEntry("completed", 1L);
            assertThat(bed.skyvern.queueDepth()).isZero();
        }
    }
}
