package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunDetails;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code workflows run-show WORKFLOW_ID RUN_ID}: one run with its blocks. */
@Command(name = "run-show", mixinStandardHelpOptions = true, description = "Show one workflow run with its blocks.")
final class WorkflowsRunShowCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "The workflow id (wf_…).")
    String workflowId;

    @Parameters(index = "1", paramLabel = "RUN_ID", description = "The run id (wr_…).")
    String runId;

    @Override
    int run(SkyvernClient client) {
        print(out(), json(), client.getWorkflowRun(workflowId, runId, true, false));
        return ExitCodes.OK;
    }

    /** The run's fields, then its blocks (JSON: the run with a {@code blocks} list, as the API's include_blocks). */
    static void print(PrintWriter out, boolean json, WorkflowRunDetails details) {
        WorkflowRun run = details.run();
        if (json) {
            Map<String, Object> view = Json.objectMap(run);
            view.put("blocks", details.blocks());
            Output.json(out, view);
            return;
        }
        out.println("status: " + run.status().wireName());
        out.println("workflow_run_id: " + run.workflowRunId());
        out.println("workflow_id: " + run.workflowId() + " (version " + run.workflowVersion() + ")");
        if (run.output() != null && !run.output().isNull()) {
            out.println("output: " + Output.inline(run.output()));
        }
        if (run.failureReason() != null) {
            out.println("failure_reason: " + run.failureReason());
        }
        if (!details.blocks().isEmpty()) {
            Output.table(out, List.of("BLOCK", "TYPE", "STATUS", "TASK_ID", "FAILURE"), details.blocks().stream()
                    .map(b -> List.of(b.blockId() + (b.loopIndex() == null ? "" : "[" + b.loopIndex() + "]"),
                            b.blockType(), b.status(), Output.orDash(b.taskId()), Output.truncate(b.failureReason(), 60)))
                    .toList());
        }
        out.flush();
    }

    /** Jackson's view of a record as an ordered, editable map. */
    private static final class Json {
        @SuppressWarnings("unchecked")
        static Map<String, Object> objectMap(Object value) {
            return new LinkedHashMap<>(io.skyvern.common.Json.mapper().convertValue(value, Map.class));
        }
    }
}
