package io.skyvern.server.http;

/** A feature's API endpoints, each registered with its {@link Operation} at start. */
@FunctionalInterface
public interface ApiRouteGroup {
    void register(ApiRoutes api);
}
