package io.skyvern.agent;

import io.skyvern.config.LlmConfig;

/**
 * How the agent loop talks to the model: whether screenshots go with the prompt, whether a
 * {@code complete} is checked by a verification call, and how many characters the run's history
 * may take in each prompt.
 */
public record AgentOptions(boolean vision, boolean verifyCompletion, int historyChars) {
    public AgentOptions {
        if (historyChars < 200) {
            throw new IllegalArgumentException("historyChars must be >= 200, was " + historyChars);
        }
    }

    public static AgentOptions of(LlmConfig llm) {
        return new AgentOptions(llm.vision(), llm.verifyCompletion(), RunHistory.DEFAULT_MAX_CHARS);
    }

    public AgentOptions withVerifyCompletion(boolean verify) {
        return new AgentOptions(vision, verify, historyChars);
    }
}
