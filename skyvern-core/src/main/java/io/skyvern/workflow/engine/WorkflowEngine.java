package io.skyvern.workflow.engine;

import io.skyvern.agent.AgentLoop;
import io.skyvern.browser.BrowserManager;
import io.skyvern.llm.LlmClient;
import io.skyvern.workflow.block.BlockParser;
import io.skyvern.workflow.block.WorkflowGraph;

import java.time.Clock;
import java.util.Objects;

/**
 * Executes workflow runs: parses the definition, walks the block graph from the start block and
 * returns how the run ended. One browser session serves all blocks of a run; it is opened by the
 * first block that needs a page and closed when the run ends. Thread-safe: one engine executes
 * many runs concurrently, each on the calling thread.
 */
public final class WorkflowEngine {
    private final BlockExecutor executor;
    private final BrowserManager browsers;
    private final TemplateRenderer renderer;
    private final BlockParser parser = new BlockParser();
    private final Clock clock;

    /**
     * The production engine.
     *
     * @param allowPrivateNetwork whether http_request blocks may call loopback, private and
     *                            link-local addresses (false in production: SSRF)
     */
    public WorkflowEngine(BrowserManager browsers, AgentLoop agent, LlmClient llm, Clock clock,
                          boolean allowPrivateNetwork) {
        this(browsers, agent, llm, clock, allowPrivateNetwork, BlockLogins.NONE);
    }

    /** The production engine whose agent blocks may sign in ({@code logins}: the credential store). */
    public WorkflowEngine(BrowserManager browsers, AgentLoop agent, LlmClient llm, Clock clock,
                          boolean allowPrivateNetwork, BlockLogins logins) {
        this(browsers, agent, llm, clock, allowPrivateNetwork, logins, BlockScripts.NONE);
    }

    /** The production engine whose agent blocks sign in and replay or record scripts ({@code scripts}). */
    public WorkflowEngine(BrowserManager browsers, AgentLoop agent, LlmClient llm, Clock clock,
                          boolean allowPrivateNetwork, BlockLogins logins, BlockScripts scripts) {
        this(new DefaultBlockExecutor(new TemplateRenderer(), agent, llm, clock, allowPrivateNetwork, logins, scripts),
                browsers, clock);
    }

    /** An engine over any block executor (tests use fakes). */
    public WorkflowEngine(BlockExecutor executor, BrowserManager browsers, Clock clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.browsers = Objects.requireNonNull(browsers, "browsers");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.renderer = new TemplateRenderer();
    }

    /**
     * Runs the workflow to its end on the calling thread.
     *
     * @throws io.skyvern.common.SkyvernException with {@code WORKFLOW_VALIDATION_FAILED} when the
     *         definition cannot be executed (nothing ran)
     */
    public WorkflowRunResult execute(WorkflowRunContext run) {
        WorkflowGraph graph = parser.parse(run.definition());
        try (RunExecution execution = new RunExecution(graph, run, executor, renderer, browsers, clock)) {
            return execution.walk();
        }
    }
}
