package io.skyvern.execution;

import io.skyvern.agent.AgentGoal;
import io.skyvern.agent.AgentResult;
import io.skyvern.agent.ScriptRun;
import io.skyvern.common.RunMode;
import io.skyvern.script.RunScript;
import io.skyvern.script.ScriptService;
import io.skyvern.workflow.engine.BlockInvocation;
import io.skyvern.workflow.engine.BlockScripts;

import java.util.Objects;
import java.util.Optional;

/**
 * Scripts of navigation, task and login blocks, with a task's semantics ({@link TaskScripts}). The
 * block's run_mode wins over the workflow run's, which wins over the configured default. The key is
 * the block's cache_key template (over the block's payload); else the run's cache_key template (over
 * the run's parameters) followed by {@code ":"} and the block id, so the blocks of one run keep apart;
 * else derived from the block's URL, goal and payload key names. Each block run keeps its mode, key,
 * script and version under its block run id (shown in the run's block view). Thread-safe.
 */
public final class WorkflowBlockScripts implements BlockScripts {
    private final TaskScripts scripts;

    public WorkflowBlockScripts(ScriptService scripts, RunMode defaultMode) {
        this.scripts = new TaskScripts(Objects.requireNonNull(scripts, "scripts"), defaultMode);
    }

    @Override
    public Plan plan(BlockInvocation invocation, String blockId, String runMode, String cacheKey, AgentGoal goal) {
        ScriptService service = scripts.service();
        Optional<RunScript> run = invocation.workflowRunId().isEmpty() ? Optional.empty()
                : service.run(invocation.workflowRunId());
        RunMode mode = runMode != null ? RunMode.parse(runMode)
                : run.map(RunScript::runMode).orElse(scripts.defaultMode());
        String key;
        if (cacheKey != null && !cacheKey.isBlank()) {
            key = service.cacheKey(cacheKey, goal.url(), goal.navigationGoal(), goal.navigationPayload());
        } else if (run.flatMap(RunScript::cacheKey).isPresent()) {
            key = service.cacheKey(run.get().cacheKey().get(), goal.url(), goal.navigationGoal(),
                    invocation.context().params()) + ":" + blockId;
        } else {
            key = service.cacheKey(null, goal.url(), goal.navigationGoal(), goal.navigationPayload());
        }
        TaskScripts.Prepared prepared = scripts.prepare(invocation.organizationId(), mode, key);
        boolean stored = !invocation.organizationId().isEmpty();
        if (stored) {
            service.saveRun(invocation.blockRunId(), invocation.organizationId(), RunScript.of(mode, key));
        }
        return new Plan() {
            @Override
            public ScriptRun run() {
                return prepared.run();
            }

            @Override
            public void finish(AgentResult result) {
                if (stored) {
                    scripts.finish(invocation.organizationId(), invocation.blockRunId(), prepared, result);
                }
            }
        };
    }
}
