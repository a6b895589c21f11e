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
    BAD_REQUEST("HTTP_400", 400),
    UNAUTHORIZED("HTTP_401", 401),
    FORBIDDEN("HTTP_403", 403),
    NOT_FOUND("HTTP_404", 404),
    METHOD_NOT_ALLOWED("HTTP_405", 405),
    PAYLOAD_TOO_LARGE("HTTP_413", 413),
    UNSUPPORTED_MEDIA_TYPE("HTTP_415", 415),
    TASK_NOT_FOUND(404),
    STEP_NOT_FOUND(404),
    WORKFLOW_NOT_FOUND(404),
    WORKFLOW_RUN_NOT_FOUND(404),
    ARTIFACT_NOT_FOUND(404),
    BROWSER_SESSION_NOT_FOUND(404),
    ORGANIZATION_NOT_FOUND(404),
    API_KEY_NOT_FOUND(404),
    CREDENTIAL_NOT_FOUND(404),
    TASK_ALREADY_FINISHED(409),
    TASK_NOT_EDITABLE(409),
    WORKFLOW_INACTIVE(409),
    WORKFLOW_RUN_ALREADY_FINISHED(409),
    BROWSER_SESSION_BUSY(409),
    BROWSER_SESSION_CLOSED(409),
    /** A webhook can be re-sent only for a finished task. */
    TASK_NOT_FINISHED(409),
    /** The task names no webhook_callback_url. */
    WEBHOOK_NOT_CONFIGURED(409),
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

    /** The code as it appears on the wire, e.g. {@code TASK_NOT_FOUND} or {@code HTTP_401}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
