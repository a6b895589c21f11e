package io.skyvern.agent;

/**
 * The model's answer could not be used at all (not JSON, no action list). The step loop retries
 * the call once showing the model the problem, then fails the step with this message.
 */
public final class LlmOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LlmOutputException(String message) {
        super(message);
    }
}
