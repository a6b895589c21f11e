package io.skyvern.server.http;

import java.util.List;

/** Malformed or mistyped input (body or query); mapped to 422 VALIDATION_ERROR with field errors. */
public final class RequestValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> fieldErrors;

    public RequestValidationException(List<FieldError> fieldErrors) {
        super("Request validation failed");
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static RequestValidationException of(String field, String message) {
        return new RequestValidationException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
