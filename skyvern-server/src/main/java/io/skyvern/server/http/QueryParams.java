package io.skyvern.server.http;

import io.javalin.http.Context;
import io.skyvern.common.PageRequest;
import io.skyvern.common.SkyvernException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Typed query parameters; a value of the wrong type is a 422 naming the parameter. */
public final class QueryParams {
    private QueryParams() {
    }

    public static int integer(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw RequestValidationException.of(name, "Expected an integer (got '" + value + "')");
        }
    }

    public static boolean bool(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return false;
        }
        // exactly JSON's two words, as in request bodies: 1, yes, TRUE are typos rather than choices
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RequestValidationException.of(name, "Expected true or false (got '" + value + "')");
        };
    }

    public static Optional<String> text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** ISO-8601 instant, offset date-time, local date-time (UTC) or date (UTC midnight). */
    public static Optional<Instant> instant(Context ctx, String name) {
        return text(ctx, name).map(value -> parseInstant(name, value));
    }

    static Instant parseInstant(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other ISO-8601 forms below
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try a plain date
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw RequestValidationException.of(name, "Expected an ISO-8601 date-time (got '" + value + "')");
        }
    }

    /** Every value of a repeated parameter (also comma-separated), each parsed by {@code parser}. */
    public static <T> List<T> repeated(Context ctx, String name, Function<String, T> parser) {
        List<T> values = new ArrayList<>();
        for (String raw : ctx.queryParams(name)) {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    values.add(parseWith(name, part.trim(), parser));
                }
            }
        }
        return values;
    }

    /** A value parsed by a core parser that throws VALIDATION_ERROR, re-labelled with the field. */
    public static <T> T parseWith(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (SkyvernException e) {
            throw RequestValidationException.of(name, e.getMessage());
        }
    }

    public static PageRequest page(Context ctx) {
        int page = integer(ctx, "page", 1);
        int size = integer(ctx, "page_size", PageRequest.DEFAULT_PAGE_SIZE);
        List<FieldError> errors = new ArrayList<>();
        if (page < 1) {
            errors.add(new FieldError("page", "Must be at least 1"));
        }
        if (size < 1 || size > PageRequest.MAX_PAGE_SIZE) {
            errors.add(new FieldError("page_size", "Must be between 1 and " + PageRequest.MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return new PageRequest(page, size);
    }
}
