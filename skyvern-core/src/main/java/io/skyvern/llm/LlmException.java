package io.skyvern.llm;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.util.OptionalInt;

/**
 * A call to the model failed: the server refused it, answered garbage, or could not be reached
 * within the attempts allowed. Messages never contain the API key (server error text is redacted
 * and truncated). {@link #retryable()} says whether trying again later could help.
 */
public class LlmException extends SkyvernException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final int httpStatus;
    private final int attempts;

    /**
     * @param httpStatus the provider's HTTP status, 0 when no response arrived
     * @param attempts   how many attempts were made before giving up
     */
    public LlmException(String message, boolean retryable, int httpStatus, int attempts, Throwable cause) {
        super(ErrorCode.SERVICE_UNAVAILABLE, message, java.util.List.of(), java.util.Map.of(), cause);
        this.retryable = retryable;
        this.httpStatus = httpStatus;
        this.attempts = attempts;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The provider's HTTP status; empty when the failure happened before a response (timeout, connection). */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    public int attempts() {
        return attempts;
    }
}
