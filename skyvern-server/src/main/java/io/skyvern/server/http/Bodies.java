package io.skyvern.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads request bodies: at most the configured number of bytes (more is 413), JSON or, when the
 * content type says so, YAML, into a request record. Anything malformed or of the wrong type is a
 * {@link RequestValidationException} naming the field.
 */
public final class Bodies {
    private final long maxBytes;

    public Bodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body as a {@code type}; an empty body is a 422 error. */
    public <T> T read(Context ctx, Class<T> type) {
        return readOptional(ctx, type).orElseThrow(() -> RequestValidationException.of("body", "Request body is required"));
    }

    /** The body as a {@code type}, or empty when no body was sent. */
    public <T> Optional<T> readOptional(Context ctx, Class<T> type) {
        byte[] bytes = rawBytes(ctx);
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }
        ObjectMapper mapper = isYaml(ctx) ? Mappers.yaml() : Mappers.json();
        try {
            JsonNode tree = mapper.readTree(bytes);
            Optional<String> nonFinite = NonFiniteNumbers.find(tree);
            if (nonFinite.isPresent()) {
                throw RequestValidationException.of(nonFinite.get(), "Number out of range");
            }
            Optional<String> nul = NonFiniteNumbers.findNul(tree, "");
            if (nul.isPresent()) {
                throw RequestValidationException.of(nul.get(), "NUL characters are not allowed");
            }
            List<FieldError> missing = missingRequired(tree, type);
            if (!missing.isEmpty()) {
                throw new RequestValidationException(missing);
            }
            T value = tree == null || tree.isMissingNode() ? null : mapper.treeToValue(tree, type);
            if (value == null) {
                throw RequestValidationException.of("body", "Request body must be an object");
            }
            return Optional.of(value);
        } catch (JsonProcessingException e) {
            throw toValidation(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The properties the body type marks {@code @JsonProperty(required = true)} that are absent or
     * null, all of them at once (Jackson itself would name only the first, and without its path).
     */
    private static List<FieldError> missingRequired(JsonNode tree, Class<?> type) {
        if (tree == null || !tree.isObject()) {
            return List.of();
        }
        return JsonProperties.of(type).required().stream()
                .filter(name -> tree.path(name).isMissingNode() || tree.path(name).isNull())
                .map(name -> new FieldError(name, "Field required"))
                .toList();
    }

    /**
     * The raw body, read once by Javalin ({@code ctx.bodyAsBytes()} caches it) within
     * {@code config.http.maxRequestSize}, which is this limit: more is 413 PAYLOAD_TOO_LARGE.
     */
    public byte[] rawBytes(Context ctx) {
        try {
            return ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            throw e.getStatus() == 413 ? tooLarge() : e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {  // Kotlin lets the connection's IOException through unchecked
            throw RequestValidationException.of("body", "Cannot read request body");
        }
    }

    public static boolean isYaml(Context ctx) {
        // The raw header: Jetty's getContentType() throws on an unknown charset parameter.
        String type = ctx.header("Content-Type");
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/yaml") || lower.startsWith("text/yaml")
                || lower.startsWith("application/x-yaml");
    }

    private SkyvernException tooLarge() {
        return new SkyvernException(ErrorCode.PAYLOAD_TOO_LARGE,
                "Request body exceeds the limit of " + maxBytes + " bytes");
    }

    static RequestValidationException toValidation(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof DatabindException)) {
            return RequestValidationException.of("body", "Malformed request body: " + firstLine(e.getOriginalMessage()));
        }
        JsonMappingException mapping = (JsonMappingException) e;
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            field = "body";
        }
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "Unknown field";
        } else if (e instanceof InvalidFormatException format && !(format.getValue() instanceof String)) {
            // a refused coercion (true for a string, 2.5 for an integer)
            message = "Expected a value of type " + describe(format.getTargetType());
        } else if (e instanceof InvalidFormatException format) {
            message = "Invalid value '" + format.getValue() + "' for type " + format.getTargetType().getSimpleName();
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "Expected a value of type " + describe(mismatch.getTargetType());
        } else {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            message = cause instanceof SkyvernException || cause instanceof IllegalArgumentException
                    ? cause.getMessage() : firstLine(e.getOriginalMessage());
        }
        return RequestValidationException.of(field, message);
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "object";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return type.getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
