package io.skyvern.server.middleware;

import io.javalin.http.Context;
import io.skyvern.auth.Organization;

import java.util.Optional;

/**
 * The organisation of a signed-in dashboard session, for GET requests to the API that carry no key
 * (an {@code <img>} of a screenshot, the live view). Only reads: a session cookie never authorises
 * a change through /api, so the API needs no CSRF token.
 */
@FunctionalInterface
public interface CookieAuth {
    CookieAuth NONE = ctx -> Optional.empty();

    Optional<Organization> organization(Context ctx);
}
