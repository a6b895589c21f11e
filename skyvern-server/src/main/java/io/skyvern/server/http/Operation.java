package io.skyvern.server.http;

import io.javalin.router.EndpointMetadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a route does, as the OpenAPI document tells it: tag, summary, parameters, request body type
 * (or null), success status, the type of {@code data} (or null for a free-form object) and the error
 * statuses it may answer with besides the ones every route has. {@link ApiRoutes} attaches it to the
 * Javalin endpoint it registers, so the document is read from the router itself and cannot list a
 * route that does not exist or miss one that does.
 *
 * <p>Built with {@link #of} and the {@code with}-style methods below, each returning a copy.
 */
public record Operation(String tag, String summary, List<Param> params, Class<?> requestBody, int status,
                        Class<?> dataType, boolean dataIsList, List<Integer> errorStatuses, Access access)
        implements EndpointMetadata {
    public Operation {
        params = List.copyOf(params);
        errorStatuses = List.copyOf(errorStatuses);
    }

    /**
     * An operation for an API key (or, for a GET, a dashboard session) answering 200 with a
     * free-form {@code data} object.
     */
    public static Operation of(String tag, String summary) {
        return new Operation(tag, summary, List.of(), null, 200, null, false, List.of(), Access.API_KEY_OR_SESSION);
    }

    /** Who may call it: null for anyone. */
    public boolean authenticated() {
        return access != null;
    }

    public Operation params(Param... more) {
        return params(List.of(more));
    }

    public Operation params(List<Param> more) {
        List<Param> all = new ArrayList<>(params);
        all.addAll(more);
        return new Operation(tag, summary, all, requestBody, status, dataType, dataIsList, errorStatuses,
                access);
    }

    public Operation body(Class<?> type) {
        return new Operation(tag, summary, params, type, status, dataType, dataIsList, errorStatuses, access);
    }

    /** 200 with {@code data} of this record type. */
    public Operation returns(Class<?> type) {
        return new Operation(tag, summary, params, requestBody, status, type, false, errorStatuses, access);
    }

    /** 200 with {@code data} a list of this record type. */
    public Operation returnsList(Class<?> type) {
        return new Operation(tag, summary, params, requestBody, status, type, true, errorStatuses, access);
    }

    /** 201 instead of 200. */
    public Operation created() {
        return new Operation(tag, summary, params, requestBody, 201, dataType, dataIsList, errorStatuses,
                access);
    }

    public Operation errors(Integer... statuses) {
        List<Integer> all = new ArrayList<>(errorStatuses);
        all.addAll(Arrays.asList(statuses));
        return new Operation(tag, summary, params, requestBody, status, dataType, dataIsList, all, access);
    }

    /** Needs no API key (health, metrics, the docs themselves). */
    public Operation open() {
        return new Operation(tag, summary, params, requestBody, status, dataType, dataIsList, errorStatuses, null);
    }

    /** Needs an API key even for a GET: a dashboard session cookie is not enough (/mcp). */
    public Operation keyOnly() {
        return new Operation(tag, summary, params, requestBody, status, dataType, dataIsList, errorStatuses,
                Access.API_KEY);
    }
}
