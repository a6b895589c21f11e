package io.skyvern.server.http;

import io.javalin.security.RouteRole;

/**
 * Who may call a route, as a Javalin route role: the auth middleware runs {@code beforeMatched}
 * and reads the matched endpoint's roles instead of guessing from the path. A route without a role
 * (health, metrics, docs, dashboard pages) is not checked by it.
 */
public enum Access implements RouteRole {
    /** An API key ({@code x-api-key} or {@code Authorization: Bearer}). */
    API_KEY,
    /**
     * An API key, or for a GET a signed-in dashboard session (an {@code <img>} of a screenshot, the
     * live view): a cookie never authorises a change, so the API needs no CSRF token.
     */
    API_KEY_OR_SESSION
}
