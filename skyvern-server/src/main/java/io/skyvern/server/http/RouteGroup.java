package io.skyvern.server.http;

import io.javalin.router.JavalinDefaultRoutingApi;

/** A feature's endpoints, registered on the router at start. */
@FunctionalInterface
public interface RouteGroup {
    void register(JavalinDefaultRoutingApi routes);
}
