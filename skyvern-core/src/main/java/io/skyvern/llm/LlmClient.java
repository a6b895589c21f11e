package io.skyvern.llm;

/**
 * One call to a language model. Implementations are thread-safe: one client serves every run of
 * a node concurrently.
 */
@FunctionalInterface
public interface LlmClient {
    /**
     * Sends the request and waits for the whole answer, retrying transient failures.
     *
     * @throws LlmException when the model cannot be reached or refuses the request
     */
    LlmResponse complete(LlmRequest request);
}
