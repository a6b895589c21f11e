package io.skyvern.server.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.router.Endpoint;
import io.skyvern.common.Json;
import io.skyvern.server.http.ApiRouteGroup;
import io.skyvern.server.http.ApiRoutes;
import io.skyvern.server.http.Operation;
import io.skyvern.server.web.WebJars;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * /openapi.json, /docs (Swagger UI) and /redoc (ReDoc), registered only outside production. Both
 * pages load their scripts from WebJars served by this server and read /openapi.json: no CDN, so
 * the docs work offline. The document is rendered from the router's endpoints at the first request
 * (every route is registered by then, whatever the order of registration) and kept.
 */
public final class DocsRoutes implements ApiRouteGroup {
    private final Supplier<Collection<Endpoint>> endpoints;
    private volatile String documentJson;

    public DocsRoutes(Supplier<Collection<Endpoint>> endpoints) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    @Override
    public void register(ApiRoutes api) {
        api.get("/openapi.json", ops("This document"), ctx -> ctx.contentType("application/json").result(document()));
        api.get("/docs", ops("API documentation page"), ctx -> ctx.html(SWAGGER_UI));
        api.get("/redoc", ops("API reference page"), ctx -> ctx.html(REDOC));
    }

    private static Operation ops(String summary) {
        return Operation.of("ops", summary).open();
    }

    /** Renders once; two first requests at once may both render, which is harmless. */
    private String document() {
        String json = documentJson;
        if (json == null) {
            try {
                json = Json.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(OpenApiDocument.build(endpoints.get()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot render the OpenAPI document", e);
            }
            documentJson = json;
        }
        return json;
    }

    /** Swagger UI with "try it": the Authorize button takes the x-api-key. */
    private static final String SWAGGER_UI = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Skyvern API — docs</title>
            <link rel="stylesheet" href="%s"></head>
            <body><div id="swagger-ui"></div>
            <script src="%s"></script>
            <script>
            window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true,
              persistAuthorization: true});
            </script></body></html>
            """.formatted(WebJars.url("org.webjars", "swagger-ui", "swagger-ui.css"),
            WebJars.url("org.webjars", "swagger-ui", "swagger-ui-bundle.js"));

    private static final String REDOC = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Skyvern API — reference</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><redoc spec-url="/openapi.json"></redoc>
            <script src="%s"></script></body></html>
            """.formatted(WebJars.url("org.webjars.npm", "redoc", "bundles/redoc.standalone.js"));
}
