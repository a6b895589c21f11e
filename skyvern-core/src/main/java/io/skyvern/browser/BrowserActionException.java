package io.skyvern.browser;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.util.List;
import java.util.Map;

/**
 * An action on the page could not be done: no element with that id, the element is not a select,
 * a timeout, a navigation error. The message is written for the model and the run log ("No element
 * with id e99 on the page"); the agent turns it into a failed action result, so it must never be
 * taken as a crash of the run.
 */
public class BrowserActionException extends SkyvernException {
    private static final long serialVersionUID = 1L;

    public BrowserActionException(String message) {
        super(ErrorCode.BAD_REQUEST, message);
    }

    public BrowserActionException(String message, Throwable cause) {
        super(ErrorCode.BAD_REQUEST, message, List.of(), Map.of(), cause);
    }
}
