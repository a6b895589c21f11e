package io.skyvern.workflow.engine;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

/**
 * A template could not be rendered: an undefined variable (named in the message) or a syntax
 * error. The message never contains rendered values.
 */
public final class TemplateException extends SkyvernException {
    public TemplateException(String message) {
        super(ErrorCode.PARAMETER_VALIDATION_FAILED, message);
    }
}
