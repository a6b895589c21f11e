package io.skyvern.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one unchecked exception of the library. It carries an {@link ErrorCode}, a message for
 * people, the full list of rule violations (empty when there is just one problem) and optional
 * structured details. Edges (HTTP, CLI) map it once.
 */
public class SkyvernException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final List<String> errors;
    private final transient Map<String, Object> details;

    public SkyvernException(ErrorCode errorCode, String message) {
        this(errorCode, message, List.of(), Map.of(), null);
    }

    public SkyvernException(ErrorCode errorCode, String message, List<String> errors) {
        this(errorCode, message, errors, Map.of(), null);
    }

    public SkyvernException(ErrorCode errorCode, String message, List<String> errors,
                            Map<String, Object> details, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.errors = List.copyOf(errors);
        this.details = Map.copyOf(new LinkedHashMap<>(details));
    }

    public static SkyvernException notFound(ErrorCode code, String what, String id) {
        return new SkyvernException(code, what + " " + id + " not found");
    }

    /**
     * The reason followed by every violation, so that a log line or a stack trace says what was
     * wrong ("Task validation failed: url: Field required; max_steps: …"), not only that
     * something was. {@link #reason()} is the first part alone.
     */
    @Override
    public String getMessage() {
        String reason = reason();
        if (errors.stream().allMatch(reason::contains)) {
            return reason;
        }
        return reason + ": " + String.join("; ", errors);
    }

    /** The short reason without the list of violations (the API's {@code error.message}). */
    public String reason() {
        return super.getMessage();
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** Every violated rule, in the order found; empty for single-cause errors. */
    public List<String> errors() {
        return errors;
    }

    public Map<String, Object> details() {
        return details;
    }
}
