package io.skyvern.server.dashboard;

import io.javalin.http.Context;

/** A dashboard handler that runs only for a signed-in session (and, for a POST, a valid CSRF token). */
@FunctionalInterface
interface PageHandler {
    void handle(Context ctx, SignedIn in) throws Exception;
}
