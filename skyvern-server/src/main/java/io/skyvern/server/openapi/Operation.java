package io.skyvern.server.openapi;

import java.util.List;

/**
 * One documented route: method, path template, tag, summary, parameters, request body type (or
 * null), success status, the type of {@code data} (or null for a free-form object) and the error
 * codes it may answer with besides the ones every route has.
 */
public record Operation(String method, String path, String tag, String summary, List<Param> params,
                        Class<?> requestBody, int status, Class<?> dataType, boolean dataIsList,
                        List<Integer> errorStatuses, boolean authenticated) {
    public Operation {
        params = List.copyOf(params);
        errorStatuses = List.copyOf(errorStatuses);
    }
}
