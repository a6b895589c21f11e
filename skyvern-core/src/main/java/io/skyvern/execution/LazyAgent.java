package io.skyvern.execution;

import io.skyvern.agent.AgentLoop;
import io.skyvern.agent.AgentOptions;
import io.skyvern.config.LlmConfig;
import io.skyvern.llm.LlmClient;
import io.skyvern.llm.LlmClients;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The agent loop, built on first use: the LLM client is created only when a run needs it, and a
 * missing model configuration fails that run (LLM_NOT_CONFIGURED with the how-to message) rather
 * than the start of the process. A failure is not remembered, so a later run tries again.
 */
public final class LazyAgent implements Supplier<AgentLoop> {
    private final Supplier<LlmClient> clients;
    private final Clock clock;
    private final AgentOptions options;
    private volatile AgentLoop loop;

    public LazyAgent(LlmConfig config, Clock clock) {
        this(() -> LlmClients.create(config), clock, AgentOptions.of(config));
    }

    public LazyAgent(Supplier<LlmClient> clients, Clock clock, AgentOptions options) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public AgentLoop get() {
        AgentLoop current = loop;
        if (current == null) {
            synchronized (this) {
                if (loop == null) {
                    loop = new AgentLoop(clients.get(), clock, options);
                }
                current = loop;
            }
        }
        return current;
    }
}
