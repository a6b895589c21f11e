package io.skyvern.execution;

import io.skyvern.agent.AgentLoop;
import io.skyvern.agent.AgentOptions;
import io.skyvern.browser.BrowserManager;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.llm.LlmClient;
import io.skyvern.workflow.engine.BlockLogins;
import io.skyvern.workflow.engine.WorkflowEngine;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The workflow engine, built on first use over a (lazy) browser manager and an LLM client made
 * only when a run needs the engine. Without a configured model the engine still runs workflows
 * whose blocks need no LLM (http_request, code, wait, condition, loop); navigation, task,
 * extraction and text_prompt blocks then fail with a clear reason. That model-less engine is not
 * remembered, so a run after the configuration was fixed gets the real one. Thread-safe.
 */
public final class LazyWorkflowEngine implements Supplier<WorkflowEngine> {
    private final BrowserManager browsers;
    private final Supplier<LlmClient> llm;
    private final Clock clock;
    private final AgentOptions agentOptions;
    private final boolean allowPrivateNetwork;
    private final BlockLogins logins;
    private final io.skyvern.workflow.engine.BlockScripts scripts;
    private volatile WorkflowEngine engine;

    /**
     * @param allowPrivateNetwork whether http_request blocks may call loopback and private
     *                            addresses (false in production: SSRF)
     */
    public LazyWorkflowEngine(BrowserManager browsers, Supplier<LlmClient> llm, Clock clock, AgentOptions agentOptions,
                              boolean allowPrivateNetwork) {
        this(browsers, llm, clock, agentOptions, allowPrivateNetwork, BlockLogins.NONE);
    }

    /** With the credential store for blocks that sign in. */
    public LazyWorkflowEngine(BrowserManager browsers, Supplier<LlmClient> llm, Clock clock, AgentOptions agentOptions,
                              boolean allowPrivateNetwork, BlockLogins logins) {
        this(browsers, llm, clock, agentOptions, allowPrivateNetwork, logins,
                io.skyvern.workflow.engine.BlockScripts.NONE);
    }

    /** With the credential store and the replay scripts of agent blocks. */
    public LazyWorkflowEngine(BrowserManager browsers, Supplier<LlmClient> llm, Clock clock, AgentOptions agentOptions,
                              boolean allowPrivateNetwork, BlockLogins logins,
                              io.skyvern.workflow.engine.BlockScripts scripts) {
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.logins = Objects.requireNonNull(logins, "logins");
        this.browsers = Objects.requireNonNull(browsers, "browsers");
        this.llm = Objects.requireNonNull(llm, "llm");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.agentOptions = Objects.requireNonNull(agentOptions, "agentOptions");
        this.allowPrivateNetwork = allowPrivateNetwork;
    }

    @Override
    public WorkflowEngine get() {
        WorkflowEngine current = engine;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (engine != null) {
                return engine;
            }
            LlmClient client;
            try {
                client = llm.get();
            } catch (SkyvernException e) {
                if (e.errorCode() != ErrorCode.LLM_NOT_CONFIGURED) {
                    throw e;
                }
                return new WorkflowEngine(browsers, null, null, clock, allowPrivateNetwork, logins, scripts);
            }
            engine = new WorkflowEngine(browsers, new AgentLoop(client, clock, agentOptions), client, clock,
                    allowPrivateNetwork, logins, scripts);
            return engine;
        }
    }
}
