package io.skyvern.common;

/**
 * Every error the product reports, with the HTTP status an edge maps it to. The names are the
 * wire codes of the API specification; {@link #code()} is what clients see.
 */
public enum ErrorCode {
    /** A malformed body or a value of the wrong type (field errors in details). */
    VALIDATION_ERROR(422),
    /** A task request that breaks a rule; all violations are listed. */
    VALIDATION_FAILED(400),
    WORKFLOW_VALIDATION_FAILED(400),
    PARAMETER_VALIDATION_FAILED(400),
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    URI_TOO_LONG(414),
    REQUEST_HEADERS_TOO_LARGE(431),
    TASK_NOT_FOUND(404),
    STEP_NOT_FOUND(404),
    WORKFLOW_NOT_FOUND(404),
    WORKFLOW_RUN_NOT_FOUND(404),
    ARTIFACT_NOT_FOUND(404),
    BROWSER_SESSION_NOT_FOUND(404),
    ORGANIZATION_NOT_FOUND(404),
    API_KEY_NOT_FOUND(404),
    CREDENTIAL_NOT_FOUND(404),
    SCRIPT_NOT_FOUND(404),
    TASK_ALREADY_FINISHED(409),
    /** A live view of a run that is not running (not started, finished, or on another node). */
    RUN_NOT_RUNNING(409),
    TASK_NOT_EDITABLE(409),
    WORKFLOW_INACTIVE(409),
    WORKFLOW_RUN_ALREADY_FINISHED(409),
    BROWSER_SESSION_BUSY(409),
    BROWSER_SESSION_CLOSED(409),
    /** A webhook can be re-sent only for a finished task. */
    TASK_NOT_FINISHED(409),
    /** A workflow run waited for is still going (a client-side wait ran out). */
    WORKFLOW_RUN_NOT_FINISHED(409),
    /** The task names no webhook_callback_url. */
    WEBHOOK_NOT_CONFIGURED(409),
    /** Revoking the organisation's only active API key would lock it out. */
    LAST_API_KEY(409),
    /** The same Idempotency-Key is still being used by a request in progress. */
    IDEMPOTENCY_KEY_IN_USE(409),
    /** The same Idempotency-Key came with a different request. */
    IDEMPOTENCY_KEY_REUSED(422),
    LIMIT_EXCEEDED(429),
    EXECUTION_LIMIT_EXCEEDED(429),
    RATE_LIMIT_EXCEEDED(429),
    CONFIGURATION_ERROR(500),
    LLM_NOT_CONFIGURED(500),
    BROWSER_UNAVAILABLE(503),
    SERVICE_UNAVAILABLE(503),
    INTERNAL_SERVER_ERROR(500);

    private final String code;
    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.code = name();
        this.httpStatus = httpStatus;
    }

    ErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /**
     * The code for an HTTP status that has no more specific one (a route that does not exist, a
     * body too large…): {@code NOT_FOUND}, {@code PAYLOAD_TOO_LARGE}; {@code HTTP_nnn} only for a
     * status this enum does not name.
     */
    public static String forStatus(int status) {
        if (status >= 500) {
            return INTERNAL_SERVER_ERROR.code();
        }
        for (ErrorCode c : new ErrorCode[]{BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED,
                PAYLOAD_TOO_LARGE, URI_TOO_LONG, UNSUPPORTED_MEDIA_TYPE, VALIDATION_ERROR, REQUEST_HEADERS_TOO_LARGE,
                RATE_LIMIT_EXCEEDED}) {
            if (c.httpStatus == status) {
                return c.code;
            }
        }
        return "HTTP_" + status;
    }

    /** The code as it appears on the wire, e.g. {@code TASK_NOT_FOUND} or {@code UNAUTHORIZED}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
