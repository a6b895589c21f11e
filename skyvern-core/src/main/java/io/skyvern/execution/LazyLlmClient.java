package io.skyvern.execution;

import io.skyvern.config.LlmConfig;
import io.skyvern.llm.LlmClient;
import io.skyvern.llm.LlmClients;

import java.util.Objects;

/**
 * The node's one LLM client, created when a run first needs it. A missing configuration
 * (LLM_NOT_CONFIGURED) is thrown to that run and not remembered. Thread-safe.
 */
public final class LazyLlmClient implements java.util.function.Supplier<LlmClient> {
    private final LlmConfig config;
    private volatile LlmClient client;

    public LazyLlmClient(LlmConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public LlmClient get() {
        LlmClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = LlmClients.create(config);
                }
                current = client;
            }
        }
        return current;
    }
}
