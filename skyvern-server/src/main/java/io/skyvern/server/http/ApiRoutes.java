package io.skyvern.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.Roles;

import java.util.Objects;
import java.util.Set;

/**
 * Registers an API route and its {@link Operation} in one call: the operation and the route's
 * {@link Access} role travel as metadata of the Javalin endpoint, where the OpenAPI document and
 * the auth middleware read them. There is no separate list of routes to keep in step.
 */
public final class ApiRoutes {
    private final JavalinDefaultRoutingApi routes;

    public ApiRoutes(JavalinDefaultRoutingApi routes) {
        this.routes = Objects.requireNonNull(routes, "routes");
    }

    public ApiRoutes get(String path, Operation operation, Handler handler) {
        return add(HandlerType.GET, path, operation, handler);
    }

    public ApiRoutes post(String path, Operation operation, Handler handler) {
        return add(HandlerType.POST, path, operation, handler);
    }

    public ApiRoutes put(String path, Operation operation, Handler handler) {
        return add(HandlerType.PUT, path, operation, handler);
    }

    public ApiRoutes patch(String path, Operation operation, Handler handler) {
        return add(HandlerType.PATCH, path, operation, handler);
    }

    public ApiRoutes delete(String path, Operation operation, Handler handler) {
        return add(HandlerType.DELETE, path, operation, handler);
    }

    private ApiRoutes add(HandlerType method, String path, Operation operation, Handler handler) {
        Objects.requireNonNull(operation, "operation");
        Endpoint.Companion.EndpointBuilder endpoint = Endpoint.create(method, path).addMetadata(operation);
        if (operation.authenticated()) {
            endpoint.addMetadata(new Roles(Set.of(operation.access())));
        }
        routes.addEndpoint(endpoint.handler(handler));
        return this;
    }
}
