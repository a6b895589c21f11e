package io.skyvern.server.http;

import io.javalin.security.RouteRole;

/**
 * Who may call a route, as a Javalin route role: the auth middleware runs {@code beforeMatched}
 * and reads the matched endpoint's roles instead of guessing from the path. A route without a role
 * (health, metrics, docs, dashboard pages) is not checked by it.
 */
public enum Access implements RouteRole {
    /** An API key ({@code x-api-key} or {@code Authorization: Bearer}), or for a GET a dashboard session. */
    API_KEY
}
