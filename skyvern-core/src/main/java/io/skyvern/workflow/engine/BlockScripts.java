package io.skyvern.workflow.engine;

import io.skyvern.agent.AgentGoal;
import io.skyvern.agent.AgentResult;
import io.skyvern.agent.ScriptRun;

/**
 * The replay scripts of navigation, task and login blocks: which script a block run replays (its
 * own run_mode and cache_key, else the workflow run's) and the version it leaves behind, as for a
 * task. The composition root backs it with the script store; {@link #NONE} always runs the agent and
 * records nothing.
 */
public interface BlockScripts {
    /**
     * The script side of one block run. {@code runMode} and {@code cacheKey} are the block's rendered
     * settings (null: the run's). Throws a {@code SkyvernException} whose message is the block's
     * failure reason (run_mode replay with no script).
     */
    Plan plan(BlockInvocation invocation, String blockId, String runMode, String cacheKey, AgentGoal goal);

    /** What a block run replays and how its script is kept when it ends. */
    interface Plan {
        ScriptRun run();

        void finish(AgentResult result);
    }

    /** No script store: the agent, nothing recorded. */
    BlockScripts NONE = (invocation, blockId, runMode, cacheKey, goal) -> new Plan() {
        private final ScriptRun run = ScriptRun.record();

        @Override
        public ScriptRun run() {
            return run;
        }

        @Override
        public void finish(AgentResult result) {
        }
    };
}
