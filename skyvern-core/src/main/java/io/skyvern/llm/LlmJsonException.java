package io.skyvern.llm;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

/**
 * A model's answer holds no usable JSON object. The message is a short reason (no answer text, which
 * may be long or contain user data); callers usually record it and ask the model again.
 */
public class LlmJsonException extends SkyvernException {
    private static final long serialVersionUID = 1L;

    public LlmJsonException(String reason) {
        super(ErrorCode.INTERNAL_SERVER_ERROR, "LLM answer is not usable JSON: " + reason);
    }
}
